package com.deleverage.streaming;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.MarginCall;
import com.deleverage.engine.action.SetFundingRate;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.stage.AccountHandover;
import com.deleverage.engine.stage.HandoverFact;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a staged deployment writes besides decisions, and how its decisions are keyed: hand-over records and tick
 * markers read back as written, version announcements told apart from market events, only changed hand-overs
 * published, and a market stage's actions about an account keyed by market and account.
 */
class StagedRecordsTest {
    private static final Instant AT = Instant.parse("2025-10-10T21:15:00Z");

    @Test
    void aHandoverAndAMarkerReadBackAsWritten() {
        AccountHandover facts = new AccountHandover("acct-7", List.of(new HandoverFact("RiskClass",
                new TreeMap<>(Map.of("accountId", "acct-7", "level", "BANKRUPT", "equity", new BigDecimal("-12.50"),
                        "riskRank", 3, "backstop", false)))));
        Object handover = HandoverRecords.read(consumed(HandoverRecords.handover("h", 2, 5, facts)));
        assertThat(handover).isEqualTo(new HandoverRecords.Handover(5, facts));

        HandoverRecords.Marker marker = new HandoverRecords.Marker(5, 41, 1_207, "deleveraging", 2, AT);
        assertThat(HandoverRecords.read(consumed(HandoverRecords.marker("h", 0, marker)))).isEqualTo(marker);

        assertThatThrownBy(() -> HandoverRecords.read(new ConsumerRecord<>("h", 1, 9, "acct-7", "{}")))
                .hasMessage("record acct-7 at h-1@9 was not written by an account stage: the hand-over topic is the stages' own");
    }

    @Test
    void theNextMarketOffsetRidesInTheCommitMetadata() {
        assertThat(HandoverRecords.nextMarketOffset(HandoverRecords.commitMetadata(42))).isEqualTo(42);
        assertThat(HandoverRecords.nextMarketOffset(null)).as("never committed").isZero();
        assertThat(HandoverRecords.nextMarketOffset("")).as("committed by a single node").isZero();
    }

    @Test
    void aVersionAnnouncementIsNotAMarketEvent() {
        String announcement = EventJson.policyVersionRecord("deleveraging", 3);
        assertThat(EventJson.policyVersion(announcement)).isEqualTo(3);
        assertThat(EventJson.policyVersion("""
                {"eventId":"p-1","symbol":"BTCUSDT","markPrice":"103441.3","at":"2025-10-10T21:15:00Z"}""")).isNull();
        assertThat(EventJson.policyVersion("{")).isNull();
        assertThatThrownBy(() -> EventJson.market(announcement)).as("a single node skips it as malformed")
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void onlyChangedHandoversArePublishedAndAGoneOneIsPublishedEmptyOnce() {
        HandoverChanges changes = new HandoverChanges();
        AccountHandover a1 = new AccountHandover("a", List.of(new HandoverFact("RiskClass", new TreeMap<>(Map.of("level", "WARNING")))));
        AccountHandover b1 = new AccountHandover("b", List.of(new HandoverFact("RiskClass", new TreeMap<>(Map.of("level", "BANKRUPT")))));
        List<AccountHandover> first = changes.after(Map.of("a", a1, "b", b1));
        assertThat(first).containsExactlyInAnyOrder(a1, b1);
        changes.published(first);

        AccountHandover a2 = new AccountHandover("a", List.of(new HandoverFact("RiskClass", new TreeMap<>(Map.of("level", "LIQUIDATABLE")))));
        List<AccountHandover> second = changes.after(Map.of("a", a2));
        assertThat(second).containsExactly(a2, new AccountHandover("b", List.of()));
        changes.published(second);

        assertThat(changes.after(Map.of("a", a2))).as("nothing changed, b already withdrawn").isEmpty();
    }

    @Test
    void aMarketStageKeysItsActionsAboutAnAccountByMarketAndAccount() {
        DecidedAction draw = decided(new InsuranceFundDraw("acct-1", "BTCUSDT", new BigDecimal("50"), "deficit"));
        DecidedAction funding = decided(new SetFundingRate("BTCUSDT", new BigDecimal("0.0003"), "premium"));
        Decided tick = new Decided("deleveraging", 1, "sha256:x", AT, List.of(draw, funding));

        List<DecisionMessage> market = DecisionChanges.ofSettlements().after(tick, "m-0@7");
        assertThat(market).extracting(DecisionMessage::scope, DecisionMessage::key).containsExactly(
                tuple(DecisionMessage.Scope.SETTLEMENT, "BTCUSDT/acct-1"),
                tuple(DecisionMessage.Scope.MARKET, "BTCUSDT"));
        JsonNode settlement = market.get(0).json();
        assertThat(settlement.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(settlement.get("account").asText()).isEqualTo("acct-1");

        DecidedAction call = decided(new MarginCall("acct-1", null, new BigDecimal("0.85"), "warning"));
        assertThat(new DecisionChanges().after(new Decided("deleveraging", 1, "sha256:x", AT, List.of(call)), "m-0@7"))
                .extracting(DecisionMessage::scope, DecisionMessage::key)
                .containsExactly(tuple(DecisionMessage.Scope.ACCOUNT, "acct-1"));
    }

    private static DecidedAction decided(Action action) {
        return new DecidedAction(action, "a rule", "a.drl", List.of());
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        return new ConsumerRecord<>(sent.topic(), sent.partition(), 0, sent.key(), sent.value());
    }
}
