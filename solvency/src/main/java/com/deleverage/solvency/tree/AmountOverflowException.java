package com.deleverage.solvency.tree;

/** A liability or a sum of liabilities does not fit the tree's 128-bit amounts. */
public final class AmountOverflowException extends RuntimeException {
    public AmountOverflowException(String message) {
        super(message);
    }
}
