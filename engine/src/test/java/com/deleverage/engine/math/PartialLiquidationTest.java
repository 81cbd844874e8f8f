package com.deleverage.engine.math;

import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.deleverage.engine.math.Facts.d;
import static com.deleverage.engine.math.Facts.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 10 BTC at mark 70,000 on Binance's BTCUSDT brackets, lot 0.001: notional 700,000 in tier 3,
 * MM = 700000 x 0.0065 - 950 = 3600. Down to tier 2's cap 600,000: 600000 / (70000 x 0.001) = 8571.43 -> 8571
 * lots = 8.571 BTC, notional 599,970, MM = 599970 x 0.005 - 50 = 2949.85. Down to tier 1's cap 50,000:
 * 50000 / 70 = 714.29 -> 714 lots = 0.714 BTC, notional 49,980, MM = 49980 x 0.004 = 199.92.
 */
class PartialLiquidationTest {
    private static final BigDecimal LOT = d("0.001");
    private List<RiskTier> btc;

    @BeforeEach
    void loadBrackets() {
        btc = MarketData.btcusdtBrackets();
    }

    private BigDecimal toClose(String equity, String otherMaintenance, String target) {
        return PartialLiquidation.quantityToClose(d("10"), d("70000"), btc, d(equity), d(otherMaintenance), d(target), LOT);
    }

    @Test
    void closesDownToTheNextTierWhenThatIsEnough() {
        // equity 3,500 < MM 3,600; at tier 2's cap 2949.85 < 3500: close 10 - 8.571 = 1.429
        assertThat(toClose("3500", "0", "1")).isEqualByComparingTo("1.429");
    }

    @Test
    void aSafetyTargetCanRequireAGreaterStep() {
        // target 0.8: need MM < 0.8 x 3500 = 2800; 2949.85 is not, 199.92 is: close 10 - 0.714 = 9.286
        assertThat(toClose("3500", "0", "0.8")).isEqualByComparingTo("9.286");
    }

    @Test
    void theRestOfTheCrossPoolCounts() {
        // equity 4,000, other positions' MM 1,200: 3600 + 1200 = 4800 and 2949.85 + 1200 = 4149.85 are not
        // below 4,000; 199.92 + 1200 = 1399.92 is: close 9.286
        assertThat(toClose("4000", "1200", "1")).isEqualByComparingTo("9.286");
    }

    @Test
    void closesEverythingWhenNoLowerTierIsEnough() {
        // equity 150: even 199.92 is too much
        assertThat(toClose("150", "0", "1")).isEqualByComparingTo("10");
        // bankrupt pool
        assertThat(toClose("-10", "0", "1")).isEqualByComparingTo("10");
        // 0.5 BTC (notional 35,000) is already in tier 1, MM 140 > equity 100: no lower tier
        assertThat(PartialLiquidation.quantityToClose(d("0.5"), d("70000"), btc, d("100"), d("0"), d("1"), LOT))
                .isEqualByComparingTo("0.5");
    }

    @Test
    void closesNothingWhenThePoolAlreadyMeetsTheTarget() {
        // 3600 < 5000
        assertThat(toClose("5000", "0", "1")).isEqualByComparingTo("0");
    }

    @Test
    void readsAnAssessedPosition() {
        // as theRestOfTheCrossPoolCounts: pool MM 4,800 of which the position's own 3,600, equity 4,000
        PositionRisk position = position("a", "BTCUSDT", "10", "72000", "70000").pnl("-20000")
                .margins("3600", "4000", "4800").build();
        assertThat(PartialLiquidation.quantityToClose(position, btc, d("1"), LOT)).isEqualByComparingTo("9.286");
    }

    @Test
    void slicesAreAFractionOfTheQuantity() {
        // Hyperliquid 20% of 10 = 2; dYdX 10% per block (genesis: 100,000 ppm) of 10 = 1
        assertThat(PartialLiquidation.slice(d("10"), PartialLiquidation.HYPERLIQUID_FIRST_SLICE)).isEqualByComparingTo("2");
        assertThat(PartialLiquidation.slice(d("10"), PartialLiquidation.DYDX_MAX_PER_BLOCK)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> PartialLiquidation.slice(d("10"), d("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialLiquidation.slice(d("10"), d("1.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A cross pool of two positions on the same brackets: BTC 10 at 70,000 (MM 3600) and ETH 100 at 7,000 (N 700,000,
     * MM 3600); pool MM 7200. Down a tier BTC keeps 8.571 (MM 2949.85, returning 650.15) and ETH keeps
     * 600000 / 7 = 85714.28 -> 85714 lots = 85.714 (N 599,998, MM 2949.99, returning 650.01).
     */
    private List<DownTierClose> bestOf(String poolEquity) {
        PositionRisk btcPosition = position("a", "BTCUSDT", "10", "71000", "70000").margins("3600", poolEquity, "7200").build();
        PositionRisk ethPosition = position("a", "ETHUSDT", "100", "7100", "7000").margins("3600", poolEquity, "7200").build();
        return PartialLiquidation.bestDownTier(List.of(ethPosition, btcPosition),
                List.of(new Market("BTCUSDT", d("70000"), null, null, null, null, null, btc),
                        new Market("ETHUSDT", d("7000"), null, null, null, null, null, btc)),
                d("1"), LOT, d("0.005"));
    }

    @Test
    void aMultiPositionPoolTrimsThePositionWhoseStepReturnsTheMostMargin() {
        // Equity 7100 (ratio 7200 / 7100 > 1). BTC: close 1.429, fee 0.005 x 1.429 x 70000 = 500.15;
        // pool MM 2949.85 + 3600 = 6549.85 < 7100 - 500.15 = 6599.85: enough. ETH: close 14.286, fee 500.01;
        // 6549.99 < 6599.99: enough too, but it returns 650.01 < 650.15.
        assertThat(bestOf("7100")).singleElement().satisfies(close -> {
            assertThat(close.position().symbol()).isEqualTo("BTCUSDT");
            assertThat(close.quantity()).isEqualByComparingTo("1.429");
            assertThat(close.returnedMargin()).isEqualByComparingTo("650.15");
        });
    }

    @Test
    void noCloseWhenTheFeeLeavesThePoolShort() {
        // Equity 7000: BTC's step leaves 6549.85 against 7000 - 500.15 = 6499.85, ETH's 6549.99 against 6499.99.
        assertThat(bestOf("7000")).isEmpty();
    }
}
