package com.deleverage.streaming;

import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.MarginMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The input topics' JSON as docs/streaming.md writes it, and the malformed events a node skips. */
class EventJsonTest {
    static final Instant AT = Instant.parse("2025-10-10T21:15:00Z");

    @Test
    void readsTheThreeAccountEventsAndAMarketEvent() {
        assertThat(EventJson.account("""
                {"eventId":"f-1","type":"FILL","account":"acct-1","symbol":"BTCUSDT","quantity":"0.5","price":105000,"at":"2025-10-10T21:15:00Z"}"""))
                .isEqualTo(new AccountEvent.Fill("f-1", "acct-1", AT, "BTCUSDT", new BigDecimal("0.5"), new BigDecimal("105000"), null));
        assertThat(EventJson.account("""
                {"eventId":"t-1","type":"TRANSFER","account":"acct-1","amount":"-12.5","at":"2025-10-10T21:15:00Z"}"""))
                .isEqualTo(new AccountEvent.Transfer("t-1", "acct-1", AT, new BigDecimal("-12.5")));
        assertThat(EventJson.account("""
                {"eventId":"m-1","type":"MARGIN_MODE","account":"acct-1","marginMode":"ISOLATED","at":"2025-10-10T21:15:00Z"}"""))
                .isEqualTo(new AccountEvent.MarginModeChange("m-1", "acct-1", AT, MarginMode.ISOLATED));
        assertThat(EventJson.market("""
                {"eventId":"p-1","symbol":"BTCUSDT","markPrice":"103441.3","fundingPremium":"0.0008","at":"2025-10-10T21:15:00Z"}"""))
                .isEqualTo(new MarketEvent("p-1", "BTCUSDT", AT, new BigDecimal("103441.3"), null, null, new BigDecimal("0.0008"), null, null));
    }

    @Test
    void aMalformedEventNamesItsField() {
        assertThatThrownBy(() -> EventJson.account("{\"eventId\":\"x\",\"type\":\"DEPOSIT\"}"))
                .hasMessage("type: 'DEPOSIT' is not FILL, TRANSFER or MARGIN_MODE");
        assertThatThrownBy(() -> EventJson.account("""
                {"eventId":"t","type":"TRANSFER","account":"a","amount":"ten","at":"2025-10-10T21:15:00Z"}"""))
                .hasMessage("amount: 'ten' is not a decimal number");
        assertThatThrownBy(() -> EventJson.account("""
                {"eventId":"t","type":"TRANSFER","account":"a","amount":"1","at":"yesterday"}"""))
                .hasMessage("at: 'yesterday' is not an ISO-8601 instant");
        assertThatThrownBy(() -> EventJson.market("""
                {"eventId":"p","symbol":"BTCUSDT","mark":"1","at":"2025-10-10T21:15:00Z"}"""))
                .hasMessage("mark: not a field of this event");
        assertThatThrownBy(() -> EventJson.market("[1]")).hasMessage("an event is a JSON object");
        assertThatThrownBy(() -> EventJson.market("{")).hasMessageStartingWith("not JSON: ");
    }
}
