package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * Funding rates of perpetuals, as fractions per funding interval (0.0001 = 0.01%); positive: longs pay
 * shorts.
 */
public final class FundingRate {
    /** Binance's default interest rate per 8 hours, 0.01%. */
    public static final BigDecimal BINANCE_INTEREST_8H = new BigDecimal("0.0001");
    /** Binance's clamp on {@code I - P}, 0.05%. */
    public static final BigDecimal BINANCE_INTEREST_CLAMP = new BigDecimal("0.0005");
    /** Binance BTCUSDT funding cap, 0.3% per interval. */
    public static final BigDecimal BINANCE_BTCUSDT_CAP = new BigDecimal("0.003");
    /** Hyperliquid's cap on the hourly rate, 4% per hour. */
    public static final BigDecimal HYPERLIQUID_HOURLY_CAP = new BigDecimal("0.04");

    private static final BigDecimal HOURS_PER_8H_INTERVAL = BigDecimal.valueOf(8);

    private FundingRate() {
    }

    /**
     * Binance USD-M: {@code F = P + clamp(I - P, -clamp, +clamp)}, then capped to {@code [-cap, +cap]}.
     * Exact (no division).
     *
     * @param premiumIndex P, the interval's premium index
     * @param interestRate I, per interval (default {@link #BINANCE_INTEREST_8H})
     * @param clamp        bound on {@code |I - P|} (default {@link #BINANCE_INTEREST_CLAMP})
     * @param cap          bound on {@code |F|} (BTCUSDT {@link #BINANCE_BTCUSDT_CAP})
     */
    public static BigDecimal binance(BigDecimal premiumIndex, BigDecimal interestRate, BigDecimal clamp,
                                     BigDecimal cap) {
        BigDecimal uncapped = premiumIndex.add(clampToBound(interestRate.subtract(premiumIndex), clamp));
        return clampToBound(uncapped, cap);
    }

    /**
     * Whether a rate sits at or beyond its cap, {@code |rate| >= cap}. Binance shortens the funding interval
     * to 1 hour when a settlement hits the cap. Works on the capped rate as well as the uncapped one.
     */
    public static boolean hitsCap(BigDecimal rate, BigDecimal cap) {
        return rate.abs().compareTo(cap) >= 0;
    }

    /**
     * Hyperliquid pays funding hourly at one eighth of the 8-hour rate, capped at {@code +-hourlyCap}
     * (4%/h, {@link #HYPERLIQUID_HOURLY_CAP}). The division rounds to {@link Decimals#RATIO_SCALE}.
     */
    public static BigDecimal hyperliquidHourly(BigDecimal eightHourRate, BigDecimal hourlyCap) {
        return clampToBound(Decimals.ratio(eightHourRate, HOURS_PER_8H_INTERVAL), hourlyCap);
    }

    private static BigDecimal clampToBound(BigDecimal value, BigDecimal bound) {
        return value.max(bound.negate()).min(bound);
    }
}
