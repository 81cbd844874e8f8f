package com.deleverage.engine.math;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Side;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binance USD-M {@code LP = (WB - TMM1 + UPNL1 + cum - s*Q*EP) / (Q*MMR - s*Q)} on Binance's BTCUSDT
 * brackets. Each expected price is worked out by hand and checked by putting it back into
 * "equity = maintenance margin".
 */
class LiquidationPriceTest {
    private List<RiskTier> btc;

    @BeforeEach
    void loadBrackets() {
        btc = MarketData.btcusdtBrackets();
    }

    private BigDecimal isolated(Side side, String size, String entry, String margin) {
        BigDecimal notional = d(size).multiply(d(entry));
        return LiquidationPrice.of(side, d(size), d(entry), d(margin), BigDecimal.ZERO, BigDecimal.ZERO, btc,
                TierTable.tierFor(btc, notional));
    }

    @Test
    void isolatedLong() {
        // 1 BTC long at 60,000 with 6,000 margin; notional 60,000 -> tier 2 (MMR 0.005, cum 50)
        // LP = (6000 + 50 - 60000) / (0.005 - 1) = -53950 / -0.995 = 54221.105527638... -> 54221.10552764
        // check: equity 6000 + (LP - 60000) = 221.1055; MM 0.005 x 54221.1055 - 50 = 221.1055; 54,221 is tier 2
        assertThat(isolated(Side.LONG, "1", "60000", "6000")).isEqualByComparingTo("54221.10552764");
    }

    @Test
    void isolatedShort() {
        // 1 BTC short at 60,000 with 6,000 margin, tier 2
        // LP = (6000 + 50 + 60000) / (0.005 + 1) = 66050 / 1.005 = 65721.393034825... -> 65721.39303483
        // check: equity 6000 - (LP - 60000) = 278.607; MM 0.005 x 65721.393 - 50 = 278.607
        assertThat(isolated(Side.SHORT, "1", "60000", "6000")).isEqualByComparingTo("65721.39303483");
    }

    @Test
    void crossLongWithAnotherPosition() {
        // wallet 10,000; the other position has MM 300 and UPnL -500; 1 BTC long at 60,000, tier 2
        // LP = (10000 - 300 - 500 + 50 - 60000) / (0.005 - 1) = -50750 / -0.995 = 51005.025125628... -> 51005.02512563
        // check: equity 10000 - 500 + (LP - 60000) = 505.0251; MM 300 + 0.005 x 51005.0251 - 50 = 505.0251
        BigDecimal price = LiquidationPrice.of(Side.LONG, d("1"), d("60000"), d("10000"), d("300"), d("-500"), btc,
                btc.get(1));
        assertThat(price).isEqualByComparingTo("51005.02512563");
    }

    @Test
    void longWhoseLiquidationFallsIntoALowerTierIsRecomputed() {
        // 10 BTC long at 70,000, isolated 140,000; notional 700,000 -> tier 3 at the mark
        // tier 3: (140000 + 950 - 700000) / (10 x 0.0065 - 10) = 559050 / 9.935 = 56270.76: notional 562,708 is tier 2
        // tier 2: (140000 + 50 - 700000) / (10 x 0.005 - 10) = 559950 / 9.95 = 56276.381909547... -> 56276.38190955
        // check: notional 562,763.8 is tier 2; equity 140000 + 10 x (LP - 70000) = 2763.819;
        // MM 0.005 x 562763.819 - 50 = 2763.819
        assertThat(isolated(Side.LONG, "10", "70000", "140000")).isEqualByComparingTo("56276.38190955");
    }

    @Test
    void shortWhoseLiquidationRisesIntoAHigherTierIsRecomputed() {
        // 10 BTC short at 55,000, isolated 110,000; notional 550,000 -> tier 2 at the mark
        // tier 2: (110000 + 50 + 550000) / (0.05 + 10) = 660050 / 10.05 = 65676.62: notional 656,766 is tier 3
        // tier 3: (110000 + 950 + 550000) / (0.065 + 10) = 660950 / 10.065 = 65668.156979632... -> 65668.15697963
        // check: equity 110000 - 10 x (LP - 55000) = 3318.430; MM 0.0065 x 656681.570 - 950 = 3318.430
        assertThat(isolated(Side.SHORT, "10", "55000", "110000")).isEqualByComparingTo("65668.15697963");
    }

    @Test
    void overCollateralisedLongHasNoLiquidationPrice() {
        // 1 BTC long at 60,000 fully backed by 60,000: tier 2 gives (60000 + 50 - 60000) / -0.995 = -50.25,
        // tier 1 (where a price near zero falls) gives (60000 - 60000) / (0.004 - 1) = 0: none
        assertThat(isolated(Side.LONG, "1", "60000", "60000")).isNull();
    }

    @Test
    void nearlyFullyBackedLargeLongStillLiquidatesNearZero() {
        // 10 BTC long at 70,000 (tier 3) with 699,500 margin: 500 short of its entry value
        // tier 3 alone: (699500 + 950 - 700000) / -9.935 = -45.29, which is no answer: near zero the tier is 1
        // tier 1: (699500 - 700000) / (10 x 0.004 - 10) = -500 / -9.96 = 50.200803212... -> 50.20080321
        // check: notional 502 is tier 1; equity 699500 + 10 x (LP - 70000) = 2.008; MM 0.004 x 502.008 = 2.008
        assertThat(isolated(Side.LONG, "10", "70000", "699500")).isEqualByComparingTo("50.20080321");
    }
}
