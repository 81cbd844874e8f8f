package com.deleverage.engine.math;

/**
 * Which venue's auto-deleveraging score ranks a queue; a policy decision, because the choice reorders
 * the queue. See {@link AdlScore} for the formulas.
 */
public enum AdlRanking {
    /** PnL% times effective leverage of the position (BitMEX; the reference policy's choice). */
    BITMEX,
    /** Profit on wallet balance times margin ratio of the margin pool (Binance USD-M). */
    BINANCE,
    /** Price gain times position notional over account value (Hyperliquid). */
    HYPERLIQUID
}
