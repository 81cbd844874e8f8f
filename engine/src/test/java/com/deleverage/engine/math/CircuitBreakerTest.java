package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Reference price 5,000: -7% is 4,650, -13% 4,350, -20% 4,000. */
class CircuitBreakerTest {

    @Test
    void justAboveLevelOneDoesNotHalt() {
        // -6.9%: 5000 x 0.931 = 4655 > 4650
        CircuitBreakerLevel level = CircuitBreaker.level(d("5000"), d("4655"));
        assertThat(level).isEqualTo(CircuitBreakerLevel.NONE);
        assertThat(level.halts()).isFalse();
        assertThat(level.haltDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void sevenPercentIsLevelOneForFifteenMinutes() {
        CircuitBreakerLevel level = CircuitBreaker.level(d("5000"), d("4650"));
        assertThat(level).isEqualTo(CircuitBreakerLevel.LEVEL_1);
        assertThat(level.level()).isEqualTo(1);
        assertThat(level.haltDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void thirteenAndAHalfPercentIsLevelTwo() {
        // -13.5%: 5000 x 0.865 = 4325, below 4,350 and above 4,000
        CircuitBreakerLevel level = CircuitBreaker.level(d("5000"), d("4325"));
        assertThat(level).isEqualTo(CircuitBreakerLevel.LEVEL_2);
        assertThat(level.haltDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void twentyPercentHaltsForTheRestOfTheSession() {
        CircuitBreakerLevel level = CircuitBreaker.level(d("5000"), d("4000"));
        assertThat(level).isEqualTo(CircuitBreakerLevel.LEVEL_3);
        assertThat(level.haltDuration()).isNull();
        assertThat(level.haltsRestOfSession()).isTrue();
    }

    @Test
    void risesDoNotTrip() {
        assertThat(CircuitBreaker.level(d("5000"), d("6250"))).isEqualTo(CircuitBreakerLevel.NONE);
    }

    @Test
    void thresholdsAreParameters() {
        // levels at 5% / 10% / 15%: -10% (4,500) is level 2
        assertThat(CircuitBreaker.level(d("5000"), d("4500"), d("0.05"), d("0.10"), d("0.15")))
                .isEqualTo(CircuitBreakerLevel.LEVEL_2);
    }

    @Test
    void dynamicBreakerAtThreeAndAHalfPercentEitherWay() {
        assertThat(CircuitBreaker.dynamicBreach(d("0.034"))).isFalse();
        assertThat(CircuitBreaker.dynamicBreach(d("0.035"))).isTrue();
        assertThat(CircuitBreaker.dynamicBreach(d("-0.035"))).isTrue();
        assertThat(CircuitBreaker.dynamicBreach(d("-0.094"))).isTrue();
        assertThat(CircuitBreaker.dynamicBreach(d("0.05"), d("0.07"))).isFalse();
    }
}
