package com.deleverage.engine.stage;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.SetFundingRate;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.deleverage.engine.stage.StageEquivalenceTest.OPTIONS;
import static com.deleverage.engine.stage.StageEquivalenceTest.REFERENCE;
import static com.deleverage.engine.stage.StageEquivalenceTest.actions;
import static com.deleverage.engine.stage.StageEquivalenceTest.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each stage does on its own: its actions, its hand-overs, the accounts and versions it takes. */
class StagesTest {
    static final Instant AT = SweepBooks.AS_OF;

    /**
     * By hand: "iso" holds an ISOLATED long of 1 ETH from 4,000 with 100 of isolated margin; at the mark 3,850 its
     * pool equity is 100 - 150 = -50 (bankrupt), its bankruptcy price 4,000 - 100 / 1 = 3,900. "btc" is a healthy
     * CROSS long of 1 BTC at the mark with 5,000 of wallet. The ETH fund holds 1,000.
     */
    static Snapshot bankruptIsolatedLong() {
        return new Snapshot("deleveraging", AT,
                List.of(SweepBooks.market("BTCUSDT", new BigDecimal("100000")), SweepBooks.market("ETHUSDT", new BigDecimal("3850"))),
                List.of(new InsuranceFund("ETHUSDT", new BigDecimal("1000"), null)), List.of(
                new Account("iso", BigDecimal.ZERO, MarginMode.ISOLATED,
                        List.of(new Position("ETHUSDT", BigDecimal.ONE, new BigDecimal("4000"), null, new BigDecimal("100")))),
                new Account("btc", new BigDecimal("5000"), MarginMode.CROSS,
                        List.of(new Position("BTCUSDT", BigDecimal.ONE, new BigDecimal("100000"), null, null)))));
    }

    /**
     * The account stage of "iso" takes its position over at 3,900 and hands over its risk class and plan; the market
     * stage of ETHUSDT draws the deficit 1 x (3,900 - 3,850) = 50 from the fund (1,000 - 50 = 950 left) and sets the
     * funding rate: premium 0.0001 + clamp(0.0001 - 0.0001, +-0.0005) = 0.0001.
     */
    @Test
    void theAccountStageHandsOverWhatTheMarketStageSettles() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(REFERENCE, 1));
        Snapshot book = bankruptIsolatedLong();
        try (AccountStage accounts = new AccountStage(book, registry, OPTIONS, 10, "iso"::equals);
             MarketStage eth = new MarketStage(book, registry, OPTIONS, 10, "ETHUSDT"::equals)) {
            StageTick accountTick = accounts.tick(AT);

            assertThat(accountTick.version()).isEqualTo(1);
            assertThat(accountTick.actions()).singleElement().satisfies(a -> {
                Liquidate liquidate = (Liquidate) a.action();
                assertThat(liquidate.account()).isEqualTo("iso");
                assertThat(liquidate.symbol()).isEqualTo("ETHUSDT");
                assertThat(liquidate.quantity()).isEqualByComparingTo("1");
                assertThat(liquidate.price()).isEqualByComparingTo("3900");
            });
            assertThat(accountTick.handovers()).containsOnlyKeys("iso");
            List<HandoverFact> facts = accountTick.handovers().get("iso").facts();
            assertThat(facts).extracting(HandoverFact::type).containsExactly("LiquidationPlan", "RiskClass");
            Map<String, Object> plan = facts.get(0).fields();
            assertThat(plan).containsEntry("kind", "TAKEOVER").containsEntry("side", "LONG").containsEntry("riskRank", 1)
                    .containsEntry("symbol", "ETHUSDT").containsEntry("poolBankrupt", true);
            assertThat((BigDecimal) plan.get("price")).isEqualByComparingTo("3900");
            assertThat((BigDecimal) plan.get("markPrice")).isEqualByComparingTo("3850");
            Map<String, Object> risk = facts.get(1).fields();
            assertThat(risk).containsEntry("level", "BANKRUPT").containsEntry("marginRatio", null)
                    .containsEntry("positionCount", 1);
            assertThat((BigDecimal) risk.get("equity")).isEqualByComparingTo("-50");

            eth.handover(accountTick.handovers().get("iso"));
            StageTick marketTick = eth.tick(AT, 1).orElseThrow();

            assertThat(marketTick.handovers()).isEmpty();
            List<Action> settled = actions(marketTick.actions());
            assertThat(settled).hasSize(2);
            assertThat(settled).filteredOn(SetFundingRate.class::isInstance).singleElement()
                    .satisfies(a -> assertThat(((SetFundingRate) a).rate()).isEqualByComparingTo("0.0001"))
                    .extracting(Action::symbol).isEqualTo("ETHUSDT");
            assertThat(settled).filteredOn(InsuranceFundDraw.class::isInstance).singleElement().satisfies(a -> {
                InsuranceFundDraw draw = (InsuranceFundDraw) a;
                assertThat(draw.account()).isEqualTo("iso");
                assertThat(draw.amount()).isEqualByComparingTo("50");
                assertThat(draw.reason()).endsWith("fund balance after: 950");
            });
        }
    }

    @Test
    void anEmptyHandoverTakesTheAccountsFactsBackAndAMisaddressedOneIsRefused() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(REFERENCE, 1));
        Snapshot book = bankruptIsolatedLong();
        try (AccountStage accounts = new AccountStage(book, registry, OPTIONS, 10, "iso"::equals);
             MarketStage eth = new MarketStage(book, registry, OPTIONS, 10, "ETHUSDT"::equals)) {
            eth.handover(accounts.tick(AT).handovers().get("iso"));
            eth.handover(new AccountHandover("iso", List.of()));
            AccountHandover misaddressed = new AccountHandover("btc", accounts.tick(AT).handovers().get("iso").facts());
            assertThatThrownBy(() -> eth.handover(misaddressed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the hand-over of account 'btc' holds a LiquidationPlan of account 'iso'");

            assertThat(actions(eth.tick(AT, 1).orElseThrow().actions())).singleElement()
                    .isInstanceOf(SetFundingRate.class);
        }
    }

    @Test
    void anAccountStageTakesOnlyTheEventsOfItsOwnAccounts() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(REFERENCE, 1));
        try (AccountStage accounts = new AccountStage(bankruptIsolatedLong(), registry, OPTIONS, 10, "iso"::equals)) {
            assertThatThrownBy(() -> accounts.apply(new AccountEvent.Transfer("t1", "btc", AT, BigDecimal.TEN)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("account 'btc' is not in this account stage's partition: its events go to the stage"
                            + " that owns it");
            assertThat(accounts.tick(AT).actions()).extracting(a -> a.action().account()).containsOnly("iso");
        }
    }

    @Test
    void aMarketStageTicksOnlyWithTheVersionActiveNow() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(REFERENCE, 1));
        Snapshot book = bankruptIsolatedLong();
        try (AccountStage accounts = new AccountStage(book, registry, OPTIONS, 10, id -> true);
             MarketStage markets = new MarketStage(book, registry, OPTIONS, 10, symbol -> true)) {
            accounts.tick(AT).handovers().values().forEach(markets::handover);
            registry.activate(compile(REFERENCE, 2));

            assertThat(markets.tick(AT, 1)).as("the hand-overs were made by version 1, no longer active").isEmpty();
            StageTick again = accounts.tick(AT);
            assertThat(again.version()).isEqualTo(2);
            again.handovers().values().forEach(markets::handover);
            assertThat(markets.tick(AT, 2)).get().extracting(StageTick::version).isEqualTo(2);
        }
    }

    /**
     * The market stage keeps each market's circuit-breaker session from tick to tick: a level halts once per session.
     * The marks of BreakerSessionSweepTest (BTCUSDT on 10 Oct 2025, session reference 121,579.4: level 1 at or below
     * 113,068.842, level 2 at or below 105,774.078).
     */
    @Test
    void aBreakerLevelTheMarketStageFiredStaysFiredAtItsNextTicks() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(REFERENCE, 1));
        Instant open = Instant.parse("2025-10-10T21:00:00Z");
        Snapshot book = new Snapshot("deleveraging", open, List.of(SweepBooks.market("BTCUSDT", new BigDecimal("115006.9"))
                .withBreaker(new CircuitBreakerSession(new BigDecimal("121579.4"), LocalDate.parse("2025-10-10"), 0))),
                List.of(), List.of(new Account("a", new BigDecimal("50000"), MarginMode.CROSS,
                List.of(new Position("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("115000"), null, null)))));
        try (MarketStage btc = new MarketStage(book, registry, OPTIONS, 10, "BTCUSDT"::equals)) {
            assertThat(breakerHalts(btc, open)).isEmpty();
            assertThat(breakerHalts(btc, move(btc, "109069.0", "2025-10-10T21:12:30Z"))).containsExactly(1);
            assertThat(breakerHalts(btc, move(btc, "112137.6", "2025-10-10T21:13:45Z"))).as("level 1 is spent").isEmpty();
            assertThat(breakerHalts(btc, move(btc, "102193.6", "2025-10-10T21:17:30Z"))).containsExactly(2);
            assertThat(breakerHalts(btc, move(btc, "101516.5", "2025-10-10T21:21:15Z"))).isEmpty();
        }
    }

    private static Instant move(MarketStage stage, String mark, String at) {
        Instant when = Instant.parse(at);
        assertThat(stage.apply(new MarketEvent("mark-" + at, "BTCUSDT", when, new BigDecimal(mark), null, null, null,
                null, null)).kind()).isEqualTo(EventOutcome.Kind.APPLIED);
        return when;
    }

    private static List<Integer> breakerHalts(MarketStage stage, Instant at) {
        return actions(stage.tick(at, 1).orElseThrow().actions()).stream().filter(HaltTrading.class::isInstance)
                .map(a -> ((HaltTrading) a).breakerLevel()).toList();
    }

    @Test
    void anActionOfARuleWithoutAStageFailsTheTickNamingTheRule() {
        CompiledVersion untagged = new RuleSetCompiler().compile("deleveraging", 1, Map.of("policy.drl", """
                package p;
                import com.deleverage.engine.model.Market;
                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.action.MarginCall;
                rule "Warn every account"
                when
                    $a : AccountRisk()
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
                end
                rule "Nothing to do" @stage("market")
                when
                    Market( markPrice < 0 )
                then
                end
                """)).compiledVersion().orElseThrow();
        ActiveVersions registry = new ActiveVersions();
        registry.activate(untagged);
        try (AccountStage accounts = new AccountStage(bankruptIsolatedLong(), registry, OPTIONS, 10, id -> true)) {
            assertThatThrownBy(() -> accounts.tick(AT)).isInstanceOf(EvaluationFailedException.class)
                    .hasMessage("rule \"Warn every account\" inserted a MARGIN_CALL action but has no @stage tag: an"
                            + " untagged rule runs in both the account and the market stage, so its actions would be"
                            + " decided twice; tag it @stage(\"account\") or @stage(\"market\")")
                    .extracting(e -> ((EvaluationFailedException) e).rule()).isEqualTo("Warn every account");
        }
    }
}
