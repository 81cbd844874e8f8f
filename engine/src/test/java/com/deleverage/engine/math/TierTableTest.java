package com.deleverage.engine.math;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Binance's published BTCUSDT brackets; expected margins worked out by hand from the table. */
class TierTableTest {
    private List<RiskTier> btc;

    @BeforeEach
    void loadBrackets() {
        btc = MarketData.btcusdtBrackets();
    }

    @Test
    void tableIsBinancesTwelveBtcBrackets() {
        assertThat(btc).hasSize(12);
        // Binance tier 3: 600,000 < N <= 3,000,000, MMR 0.65%, cum 950, 75x
        assertThat(btc.get(2)).isEqualTo(new RiskTier(d("600000"), d("3000000"), d("0.0065"), d("950.0"), 75));
    }

    @Test
    void maintenanceMarginOf700kIsTier3() {
        // 700,000 is in tier 3: 700000 x 0.0065 - 950 = 4550 - 950 = 3600
        assertThat(TierTable.tierNumber(btc, TierTable.tierFor(btc, d("700000")))).isEqualTo(3);
        assertThat(TierTable.maintenanceMargin(btc, d("700000"))).isEqualByComparingTo("3600");
    }

    @Test
    void capBelongsToItsTierAndTheNextCentToTheNext() {
        // floor < N <= cap: 50,000 is tier 1, 50,000.01 tier 2; 0 is tier 1
        assertThat(TierTable.tierNumber(btc, TierTable.tierFor(btc, d("50000")))).isEqualTo(1);
        assertThat(TierTable.tierNumber(btc, TierTable.tierFor(btc, d("50000.01")))).isEqualTo(2);
        assertThat(TierTable.tierNumber(btc, TierTable.tierFor(btc, BigDecimal.ZERO))).isEqualTo(1);
        // 50,000.01 x 0.005 - 50 = 250.00005 - 50 = 200.00005
        assertThat(TierTable.maintenanceMargin(btc, d("50000.01"))).isEqualByComparingTo("200.00005");
    }

    @Test
    void aboveTheLastCapMarginsAtTheStrictestTier() {
        // 2,000,000,000 > 1.8bn cap -> tier 12: 2e9 x 0.5 - 421,481,450 = 578,518,550
        assertThat(TierTable.maintenanceMargin(btc, d("2000000000"))).isEqualByComparingTo("578518550");
    }

    @Test
    void cumMakesTheMarginContinuousAtEveryCap() {
        // by hand at the first caps: 50,000: 50000 x 0.004 = 200 = 50000 x 0.005 - 50;
        // 600,000: 600000 x 0.005 - 50 = 2950 = 600000 x 0.0065 - 950;
        // 3,000,000: 3e6 x 0.0065 - 950 = 18550 = 3e6 x 0.01 - 11450
        assertThat(TierTable.maintenanceMargin(btc.get(0), d("50000"))).isEqualByComparingTo("200");
        assertThat(TierTable.maintenanceMargin(btc.get(1), d("600000"))).isEqualByComparingTo("2950");
        assertThat(TierTable.maintenanceMargin(btc.get(2), d("3000000"))).isEqualByComparingTo("18550");
        // and what cum means, at every cap of the table: tier i and tier i+1 give the same margin there
        for (int i = 0; i + 1 < btc.size(); i++) {
            BigDecimal cap = btc.get(i).notionalCap();
            assertThat(TierTable.maintenanceMargin(btc.get(i), cap))
                    .as("margin at the cap %s of tier %d", cap, i + 1)
                    .isEqualByComparingTo(TierTable.maintenanceMargin(btc.get(i + 1), cap));
        }
    }
}
