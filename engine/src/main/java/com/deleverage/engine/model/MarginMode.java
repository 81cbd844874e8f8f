package com.deleverage.engine.model;

/** How an account's collateral backs its positions. */
public enum MarginMode {
    /** One wallet backs every position; the unrealised PnL of one position is collateral for the others. */
    CROSS,
    /** Each position is backed only by the margin set aside for it ({@link Position#isolatedMargin()}). */
    ISOLATED
}
