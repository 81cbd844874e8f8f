package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.ProofRejected;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The integers a pool commits to, from the figures of the snapshot (docs/solvency.md, "Scaling decimals to
 * integers"): the venue commits to exactly these, and an account holder recomputes them from what they know.
 */
public final class Figures {
    private Figures() {
    }

    /** Collateral W: the wallet balance or isolated margin in units of 10^-S. */
    public static BigInteger collateral(MarginTables tables, BigDecimal wallet) throws ProofRejected {
        return MarginTables.scaled(wallet, tables.moneyDecimals(), "the collateral");
    }

    /** A = |quantity| in units of 10^-Q of the market. */
    public static BigInteger quantity(MarginTables.Market market, BigDecimal quantity) throws ProofRejected {
        return MarginTables.scaled(quantity.abs(), market.quantityDecimals(), market.symbol() + " quantity");
    }

    /** B = |quantity| × entry price in units of 10^-S. */
    public static BigInteger costBasis(MarginTables tables, BigDecimal quantity, BigDecimal entryPrice)
            throws ProofRejected {
        return MarginTables.scaled(quantity.abs().multiply(entryPrice), tables.moneyDecimals(), "a cost basis");
    }

    /** P = quantity × (mark − entry) = ±(A·markScaled − B) in units of 10^-S, the engine's unrealised PnL exactly. */
    public static BigInteger pnl(MarginTables.Market market, BigDecimal quantity, BigInteger a, BigInteger b) {
        BigInteger gain = a.multiply(market.markScaled()).subtract(b);
        return quantity.signum() < 0 ? gain.negate() : gain;
    }
}
