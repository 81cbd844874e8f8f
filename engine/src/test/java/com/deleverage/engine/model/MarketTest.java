package com.deleverage.engine.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A risk-limit table sent without maintenance amounts gets Binance's {@code cum}, derived from the rates. */
class MarketTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void missingMaintenanceAmountsAreDerivedSoTheMarginIsContinuous() {
        // Binance BTCUSDT's first three brackets without cum: 0.4% to 50,000, 0.5% to 600,000, 0.65% to 3,000,000.
        // cum_1 = 0; cum_2 = 0 + 50,000 x (0.005 - 0.004) = 50; cum_3 = 50 + 600,000 x (0.0065 - 0.005) = 950:
        // Binance's published figures.
        Market market = new Market("BTCUSDT", d("100000"), null, null, null, null, null, List.of(
                new RiskTier(d("0"), d("50000"), d("0.004"), null, 125),
                new RiskTier(d("50000"), d("600000"), d("0.005"), null, 100),
                new RiskTier(d("600000"), d("3000000"), d("0.0065"), null, 75)));

        assertThat(market.riskTiers()).extracting(RiskTier::maintenanceAmount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("0"), d("50"), d("950"));
    }

    @Test
    void givenAmountsAreKeptAndAMissingOneContinuesFromThem() {
        // tier 2 given as 60 (not the derived 50); tier 3 missing: 60 + 600,000 x 0.0015 = 960.
        Market market = new Market("BTCUSDT", d("100000"), null, null, null, null, null, List.of(
                new RiskTier(d("0"), d("50000"), d("0.004"), d("0"), 125),
                new RiskTier(d("50000"), d("600000"), d("0.005"), d("60"), 100),
                new RiskTier(d("600000"), d("3000000"), d("0.0065"), null, 75)));

        assertThat(market.riskTiers()).extracting(RiskTier::maintenanceAmount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("0"), d("60"), d("960"));
    }
}
