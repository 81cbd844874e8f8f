package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @Test
    void textRoundsToTheStepAndDropsTrailingZeros() {
        // 99542.85714286 to the tick 0.1: 99542.9 (half-even; .857 rounds up)
        assertThat(Decimals.text(new BigDecimal("99542.85714286"), new BigDecimal("0.1"))).isEqualTo("99542.9");
        // 2500000.000 to the cent: no trailing zeros, no exponent
        assertThat(Decimals.text(new BigDecimal("2500000.000"), new BigDecimal("0.01"))).isEqualTo("2500000");
        // 1.1250000000 to four places: 1.125; 0.00004 to four places: 0
        assertThat(Decimals.text(new BigDecimal("1.1250000000"), new BigDecimal("0.0001"))).isEqualTo("1.125");
        assertThat(Decimals.text(new BigDecimal("0.00004"), new BigDecimal("0.0001"))).isEqualTo("0");
        // 0.125 to the cent, half-even: 0.12; a step of 1 keeps whole units
        assertThat(Decimals.text(new BigDecimal("0.125"), new BigDecimal("0.01"))).isEqualTo("0.12");
        assertThat(Decimals.text(new BigDecimal("1234.5"), BigDecimal.ONE)).isEqualTo("1234");
    }
}
