package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

class PositionMathTest {

    @Test
    void notionalIsSizeTimesMarkWhateverTheSide() {
        // |-2| x 30,000 = 60,000
        assertThat(PositionMath.notional(d("-2"), d("30000"))).isEqualByComparingTo("60000");
    }

    @Test
    void pnlCarriesTheSideInTheSignedQuantity() {
        // long 2 from 30,000 at 31,000: 2 x 1,000 = 2,000; short 2: -2 x 1,000 = -2,000
        assertThat(PositionMath.unrealizedPnl(d("2"), d("30000"), d("31000"))).isEqualByComparingTo("2000");
        assertThat(PositionMath.unrealizedPnl(d("-2"), d("30000"), d("31000"))).isEqualByComparingTo("-2000");
    }
}
