package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

class FundingRateTest {

    private static BigDecimal btcusdt(String premium) {
        return FundingRate.binance(d(premium), FundingRate.BINANCE_INTEREST_8H, FundingRate.BINANCE_INTEREST_CLAMP,
                FundingRate.BINANCE_BTCUSDT_CAP);
    }

    @Test
    void premiumNearTheInterestRateGivesTheInterestRate() {
        // Binance's published rule: with P between -0.04% and 0.06%, F = 0.01%.
        // P = 0.06%: I - P = -0.05% (at the clamp) -> 0.06% - 0.05% = 0.01%
        // P = -0.04%: I - P = 0.05% -> -0.04% + 0.05% = 0.01%; P = 0.02%: I - P = -0.01% -> 0.01%
        assertThat(btcusdt("0.0006")).isEqualByComparingTo("0.0001");
        assertThat(btcusdt("-0.0004")).isEqualByComparingTo("0.0001");
        assertThat(btcusdt("0.0002")).isEqualByComparingTo("0.0001");
    }

    @Test
    void clampedButNotCapped() {
        // P = 0.1%: I - P = -0.09% -> clamp -0.05%; F = 0.1% - 0.05% = 0.05%, under the 0.3% cap
        BigDecimal rate = btcusdt("0.001");
        assertThat(rate).isEqualByComparingTo("0.0005");
        assertThat(FundingRate.hitsCap(rate, FundingRate.BINANCE_BTCUSDT_CAP)).isFalse();
        // P = 0.34%: F = 0.34% - 0.05% = 0.29%, just under
        assertThat(btcusdt("0.0034")).isEqualByComparingTo("0.0029");
        assertThat(FundingRate.hitsCap(btcusdt("0.0034"), FundingRate.BINANCE_BTCUSDT_CAP)).isFalse();
    }

    @Test
    void cappedBothWays() {
        // P = 0.5%: F = 0.5% - 0.05% = 0.45% -> cap 0.3%
        assertThat(btcusdt("0.005")).isEqualByComparingTo("0.003");
        assertThat(FundingRate.hitsCap(btcusdt("0.005"), FundingRate.BINANCE_BTCUSDT_CAP)).isTrue();
        // P = -0.4%: I - P = 0.41% -> clamp 0.05%; F = -0.35% -> floor -0.3%
        assertThat(btcusdt("-0.004")).isEqualByComparingTo("-0.003");
        assertThat(FundingRate.hitsCap(btcusdt("-0.004"), FundingRate.BINANCE_BTCUSDT_CAP)).isTrue();
    }

    @Test
    void exactlyAtTheCapCountsAsHittingIt() {
        // P = 0.35%: F = 0.35% - 0.05% = 0.3%
        assertThat(btcusdt("0.0035")).isEqualByComparingTo("0.003");
        assertThat(FundingRate.hitsCap(d("0.003"), FundingRate.BINANCE_BTCUSDT_CAP)).isTrue();
    }

    @Test
    void parametersAreArguments() {
        // I = 0.03%, clamp 0.1%, cap 2%: P = 0.5% -> I - P = -0.47% -> -0.1%; F = 0.4%
        assertThat(FundingRate.binance(d("0.005"), d("0.0003"), d("0.001"), d("0.02"))).isEqualByComparingTo("0.004");
    }

    @Test
    void hyperliquidPaysAnEighthHourlyCappedAtFourPercent() {
        // 0.08% / 8 = 0.01%/h; 0.01% / 8 = 0.00125%/h; 40% / 8 = 5%/h -> 4%/h; -40% -> -4%/h
        assertThat(FundingRate.hyperliquidHourly(d("0.0008"), FundingRate.HYPERLIQUID_HOURLY_CAP)).isEqualByComparingTo("0.0001");
        assertThat(FundingRate.hyperliquidHourly(d("0.0001"), FundingRate.HYPERLIQUID_HOURLY_CAP)).isEqualByComparingTo("0.0000125");
        assertThat(FundingRate.hyperliquidHourly(d("0.4"), FundingRate.HYPERLIQUID_HOURLY_CAP)).isEqualByComparingTo("0.04");
        assertThat(FundingRate.hyperliquidHourly(d("-0.4"), FundingRate.HYPERLIQUID_HOURLY_CAP)).isEqualByComparingTo("-0.04");
    }
}
