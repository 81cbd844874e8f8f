package com.deleverage.engine.live;

import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.RiskTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketEventTest {
    private static final CircuitBreakerSession SESSION =
            new CircuitBreakerSession(new BigDecimal("121579.4"), LocalDate.parse("2025-10-10"), 1);
    private static final Market BTC = new Market("BTCUSDT", new BigDecimal("110000"), null, new BigDecimal("1000"),
            null, null, null, new BigDecimal("0.02"),
            List.of(new RiskTier(BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("0.004"), BigDecimal.ZERO, 125)),
            SESSION);

    @Test
    void anEventWithOtherFiguresKeepsTheBreakerSessionAndTheFundingCap() {
        MarketEvent event = new MarketEvent("m-1", "BTCUSDT", Instant.parse("2025-10-10T21:15:00Z"),
                new BigDecimal("105000"), null, new BigDecimal("1200"), null, null, null);

        Market after = event.applyTo(BTC);

        assertThat(after.markPrice()).isEqualByComparingTo("105000");
        assertThat(after.openInterest()).isEqualByComparingTo("1200");
        assertThat(after.breaker()).isEqualTo(SESSION); // level 1 fired stays fired: it halts once per session
        assertThat(after.fundingCap()).isEqualByComparingTo("0.02");
        assertThat(after.riskTiers()).isEqualTo(BTC.riskTiers());
    }
}
