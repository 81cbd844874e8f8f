package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * Circuit breakers from price moves (CME equity-index style market-wide levels and CME's dynamic
 * breaker). Thresholds are positive fractions (0.07 = 7%); prices are quote per base unit.
 */
public final class CircuitBreaker {
    public static final BigDecimal LEVEL_1_DECLINE = new BigDecimal("0.07");
    public static final BigDecimal LEVEL_2_DECLINE = new BigDecimal("0.13");
    public static final BigDecimal LEVEL_3_DECLINE = new BigDecimal("0.20");
    /** CME dynamic circuit breaker: 3.5% within a 60-minute window. */
    public static final BigDecimal DYNAMIC_LIMIT_60M = new BigDecimal("0.035");

    private CircuitBreaker() {
    }

    /** {@link #level(BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal)} with CME's 7%, 13%, 20%. */
    public static CircuitBreakerLevel level(BigDecimal referencePrice, BigDecimal price) {
        return level(referencePrice, price, LEVEL_1_DECLINE, LEVEL_2_DECLINE, LEVEL_3_DECLINE);
    }

    /**
     * The level reached by a decline from the reference price: a move {@code (price - reference) / reference}
     * at or below {@code -level3Decline} is level 3, at or below {@code -level2Decline} level 2, at or below
     * {@code -level1Decline} level 1, else none. Compared exactly as {@code price <= reference x (1 - decline)}.
     * Rises never trip these levels (CME's market-wide breakers are for declines).
     */
    public static CircuitBreakerLevel level(BigDecimal referencePrice, BigDecimal price, BigDecimal level1Decline,
                                            BigDecimal level2Decline, BigDecimal level3Decline) {
        if (reachedDecline(referencePrice, price, level3Decline)) {
            return CircuitBreakerLevel.LEVEL_3;
        }
        if (reachedDecline(referencePrice, price, level2Decline)) {
            return CircuitBreakerLevel.LEVEL_2;
        }
        if (reachedDecline(referencePrice, price, level1Decline)) {
            return CircuitBreakerLevel.LEVEL_1;
        }
        return CircuitBreakerLevel.NONE;
    }

    /** {@link #dynamicBreach(BigDecimal, BigDecimal)} with CME's 3.5%. */
    public static boolean dynamicBreach(BigDecimal priceChange) {
        return dynamicBreach(priceChange, DYNAMIC_LIMIT_60M);
    }

    /**
     * Whether a move over the breaker's window reaches the limit in either direction, {@code |change| >= limit}.
     * The window (60 minutes for CME) is the caller's: {@code Market.priceChangePct1h} is a 1-hour move.
     *
     * @param priceChange the move over the window as a fraction (-0.094 = -9.4%)
     */
    public static boolean dynamicBreach(BigDecimal priceChange, BigDecimal limit) {
        return priceChange.abs().compareTo(limit) >= 0;
    }

    /**
     * Whether a move over a window is a decline of at least {@code decline}, {@code change <= -decline}; a rise
     * never is.
     *
     * @param priceChange the move as a fraction (-0.094 = -9.4%)
     * @param decline     a positive fraction (0.05 = 5%)
     */
    public static boolean declineReached(BigDecimal priceChange, BigDecimal decline) {
        return priceChange.compareTo(decline.negate()) <= 0;
    }

    private static boolean reachedDecline(BigDecimal referencePrice, BigDecimal price, BigDecimal decline) {
        return price.compareTo(referencePrice.multiply(BigDecimal.ONE.subtract(decline))) <= 0;
    }
}
