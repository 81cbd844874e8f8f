package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

class MarginRatioTest {

    @Test
    void ratioIsMaintenanceOverEquity() {
        // 600 / 12000 = 0.05; 1 / 3 = 0.3333333333(3) -> 10 places
        assertThat(MarginRatio.of(d("600"), d("12000"))).isEqualByComparingTo("0.05");
        assertThat(MarginRatio.of(d("1"), d("3"))).isEqualByComparingTo("0.3333333333");
    }

    @Test
    void bankruptPoolHasNoRatio() {
        assertThat(MarginRatio.bankrupt(d("0"))).isTrue();
        assertThat(MarginRatio.of(d("600"), d("0"))).isNull();
        assertThat(MarginRatio.of(d("600"), d("-5"))).isNull();
    }

    @Test
    void belowTargetIsStrictAndNeverForABankruptPool() {
        // 3600 < 1 x 4000; 4000 = 1 x 4000 is a ratio of exactly 1: liquidatable; 3600 < 0.9 x 4000 = 3600 is false
        assertThat(MarginRatio.below(d("3600"), d("4000"), d("1"))).isTrue();
        assertThat(MarginRatio.below(d("4000"), d("4000"), d("1"))).isFalse();
        assertThat(MarginRatio.below(d("3600"), d("4000"), d("0.9"))).isFalse();
        assertThat(MarginRatio.below(d("0"), d("-1"), d("1"))).isFalse();
    }
}
