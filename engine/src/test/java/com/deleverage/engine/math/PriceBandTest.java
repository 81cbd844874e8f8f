package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Mark 100, soft bound x = 1%, hard bound y = 5%: M(1+x) = 101, M(1+y) = 105, M(1-x) = 99, M(1-y) = 95. */
class PriceBandTest {

    @Test
    void maxBuyPrice() {
        // index 103: min(max(103, 101), 105) = 103 — the index lifts the soft bound
        assertThat(PriceBand.maxBuyPrice(d("103"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("103");
        // index 99: min(max(99, 101), 105) = 101
        assertThat(PriceBand.maxBuyPrice(d("99"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("101");
        // index 110: min(max(110, 101), 105) = 105 — the hard bound holds
        assertThat(PriceBand.maxBuyPrice(d("110"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("105");
    }

    @Test
    void minSellPrice() {
        // index 97: max(min(97, 99), 95) = 97
        assertThat(PriceBand.minSellPrice(d("97"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("97");
        // index 101: max(min(101, 99), 95) = 99
        assertThat(PriceBand.minSellPrice(d("101"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("99");
        // index 90: max(min(90, 99), 95) = 95
        assertThat(PriceBand.minSellPrice(d("90"), d("100"), d("0.01"), d("0.05"))).isEqualByComparingTo("95");
    }
}
