package com.deleverage.solvency.epoch;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The venue's declared reserve of the settlement asset the liabilities are in.
 *
 * @param amount in the asset's own units, at most 8 decimal places, not negative
 */
public record Reserve(String asset, BigDecimal amount) {
    public Reserve {
        if (amount.signum() < 0 || Units.exact(amount).isEmpty()) {
            throw new IllegalArgumentException("a reserve is 0 or more with at most 8 decimal places, not " + amount);
        }
    }

    public BigInteger units() {
        return Units.exact(amount).orElseThrow();
    }

    /** Solvent: the reserve, in units of 10^-8, is at least the liabilities. */
    public boolean covers(BigInteger liabilities) {
        return units().compareTo(liabilities) >= 0;
    }
}
