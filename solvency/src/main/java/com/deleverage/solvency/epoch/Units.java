package com.deleverage.solvency.epoch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Amounts of the quote currency as the tree holds them: integers in units of 10^-8. */
public final class Units {
    /** Decimal places one unit stands for. */
    public static final int SCALE = 8;

    private Units() {
    }

    /** {@code amount} (≥ 0) in units, rounded up: what is owed is never understated. */
    public static BigInteger roundedUp(BigDecimal amount) {
        return amount.movePointRight(SCALE).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** {@code amount} in units, exactly; empty when it has more than 8 decimal places. */
    public static java.util.Optional<BigInteger> exact(BigDecimal amount) {
        BigDecimal scaled = amount.movePointRight(SCALE).stripTrailingZeros();
        return scaled.scale() > 0 ? java.util.Optional.empty() : java.util.Optional.of(scaled.toBigIntegerExact());
    }
}
