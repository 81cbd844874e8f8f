package com.deleverage.solvency.margin;

/**
 * A margin epoch cannot be proven as asked: a pool the decision left alone is at or above the liquidation ratio, a
 * pool it acted on is not, or a figure does not fit the format. No honest proof exists, and none is made.
 */
public final class MarginNotProvable extends RuntimeException {
    public MarginNotProvable(String message) {
        super(message);
    }
}
