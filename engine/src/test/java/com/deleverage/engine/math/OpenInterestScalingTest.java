package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dYdX mid-cap caps: lower 25M, upper 50M; base IMF 5% (20x). */
class OpenInterestScalingTest {
    private static final BigDecimal BASE = d("0.05");
    private static final BigDecimal LO = d("25000000");
    private static final BigDecimal HI = d("50000000");

    @Test
    void belowTheLowerCapNothingChanges() {
        // max(0, 20M - 25M) = 0 -> 0.05; scale 0.05 / 0.05 = 1
        assertThat(OpenInterestScaling.effectiveImf(BASE, d("20000000"), LO, HI)).isEqualByComparingTo("0.05");
        assertThat(OpenInterestScaling.maintenanceScale(BASE, d("20000000"), LO, HI)).isEqualByComparingTo("1");
    }

    @Test
    void betweenTheCapsRisesLinearly() {
        // 30M: 5M / 25M = 0.2; 0.05 + 0.2 x 0.95 = 0.24; scale 0.24 / 0.05 = 4.8
        assertThat(OpenInterestScaling.effectiveImf(BASE, d("30000000"), LO, HI)).isEqualByComparingTo("0.24");
        assertThat(OpenInterestScaling.maintenanceScale(BASE, d("30000000"), LO, HI)).isEqualByComparingTo("4.8");
        // 37.5M: 0.5; 0.05 + 0.475 = 0.525; scale 10.5
        assertThat(OpenInterestScaling.effectiveImf(BASE, d("37500000"), LO, HI)).isEqualByComparingTo("0.525");
        assertThat(OpenInterestScaling.maintenanceScale(BASE, d("37500000"), LO, HI)).isEqualByComparingTo("10.5");
    }

    @Test
    void atAndAboveTheUpperCapNoLeverageIsLeft() {
        // 50M: 0.05 + 1 x 0.95 = 1; 60M: 0.05 + 1.4 x 0.95 = 1.38 -> 1; scale 1 / 0.05 = 20
        assertThat(OpenInterestScaling.effectiveImf(BASE, HI, LO, HI)).isEqualByComparingTo("1");
        assertThat(OpenInterestScaling.effectiveImf(BASE, d("60000000"), LO, HI)).isEqualByComparingTo("1");
        assertThat(OpenInterestScaling.maintenanceScale(BASE, d("60000000"), LO, HI)).isEqualByComparingTo("20");
    }

    @Test
    void unevenRatios() {
        // base 3%, 26M: 1M / 25M = 0.04; 0.03 + 0.04 x 0.97 = 0.0688; 0.0688 / 0.03 = 2.29333... -> 2.2933333333
        BigDecimal base = d("0.03");
        assertThat(OpenInterestScaling.effectiveImf(base, d("26000000"), LO, HI)).isEqualByComparingTo("0.0688");
        assertThat(OpenInterestScaling.maintenanceScale(base, d("26000000"), LO, HI)).isEqualByComparingTo("2.2933333333");
    }

    @Test
    void theScaleIsOneDivisionNotARoundedImfDividedAgain() {
        // base 3%, caps 0 / 3, OI 1: effIMF = 0.03 + 0.97 / 3 = 0.03 + 0.3233333333(3) -> 0.3533333333;
        // scale = (0.03 x 3 + 1 x 0.97) / (0.03 x 3) = 1.06 / 0.09 = 11.777... -> 11.7777777778
        // (dividing the rounded IMF again would give 0.3533333333 / 0.03 = 11.7777777767)
        BigDecimal base = d("0.03");
        assertThat(OpenInterestScaling.effectiveImf(base, d("1"), d("0"), d("3"))).isEqualByComparingTo("0.3533333333");
        assertThat(OpenInterestScaling.maintenanceScale(base, d("1"), d("0"), d("3"))).isEqualByComparingTo("11.7777777778");
    }

    @Test
    void refusesCapsOutOfOrder() {
        assertThatThrownBy(() -> OpenInterestScaling.effectiveImf(BASE, d("1"), HI, LO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
