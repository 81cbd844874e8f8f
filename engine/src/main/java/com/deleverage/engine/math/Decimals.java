package com.deleverage.engine.math;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding rules of the risk math. Sums and products are exact; only divisions round, always
 * half-even, to a fixed number of decimal places, so a decision reproduces to the last digit on any
 * JVM.
 */
public final class Decimals {
    /** Decimal places of prices produced by a division (liquidation and bankruptcy prices). */
    public static final int PRICE_SCALE = 8;
    /** Decimal places of ratios and rates produced by a division (margin ratio, PnL %, scores). */
    public static final int RATIO_SCALE = 10;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Decimals() {
    }

    public static BigDecimal ratio(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, RATIO_SCALE, ROUNDING);
    }

    public static BigDecimal price(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, PRICE_SCALE, ROUNDING);
    }

    /** Parses a decimal literal; a convenience for policies ({@code Decimals.of("0.8")}). */
    public static BigDecimal of(String literal) {
        return new BigDecimal(literal);
    }
}
