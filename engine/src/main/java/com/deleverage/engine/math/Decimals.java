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

    /**
     * A figure for a reason text: rounded half-even to the decimals of {@code step} (a market's price tick or
     * quantity lot, or a cent for money) and without trailing zeros, e.g. {@code text(99542.85714286, 0.1)} is
     * {@code "99542.9"} and {@code text(2500000.000, 0.01)} is {@code "2500000"}. The actions' own fields keep
     * the exact figures; only the words a trader reads are rounded.
     *
     * @param step a positive power of ten's fraction such as 0.1, 0.001 or 1
     */
    public static String text(BigDecimal value, BigDecimal step) {
        BigDecimal rounded = value.setScale(Math.max(0, step.stripTrailingZeros().scale()), ROUNDING);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    /** Digits and scale a literal may have: a policy's figures, not a way to build a number nothing can compute with. */
    public static final int MAX_LITERAL_DIGITS = 100;

    /** Parses a decimal literal; a convenience for policies ({@code Decimals.of("0.8")}). */
    public static BigDecimal of(String literal) {
        BigDecimal value = new BigDecimal(literal);
        if (value.precision() > MAX_LITERAL_DIGITS || Math.abs((long) value.scale()) > MAX_LITERAL_DIGITS) {
            throw new IllegalArgumentException("decimal literal '" + literal + "' has more than " + MAX_LITERAL_DIGITS
                    + " digits or scale");
        }
        return value;
    }
}
