package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * Margin ratio of a margin pool (a cross account, or one isolated position with its margin):
 * {@code marginRatio = MM / E}, dimensionless, where MM is the pool's maintenance margin and E its equity
 * ({@code walletBalance + sum(UPnL)} for cross, {@code isolatedMargin + UPnL} for isolated), both in quote
 * currency. Liquidation starts at {@code marginRatio >= 1} (Binance, Bybit). A pool with {@code E <= 0}
 * is bankrupt and has no finite ratio.
 *
 * <p>The engine's assessment already reports these figures; this is for policies that ask "what if"
 * (a scaled maintenance margin, a partly closed position).
 */
public final class MarginRatio {
    private MarginRatio() {
    }

    /** Whether a pool with this equity is bankrupt: {@code E <= 0}. */
    public static boolean bankrupt(BigDecimal equity) {
        return equity.signum() <= 0;
    }

    /** {@code MM / E} at {@link Decimals#RATIO_SCALE}, or null when the pool is bankrupt ({@code E <= 0}). */
    public static BigDecimal of(BigDecimal maintenanceMargin, BigDecimal equity) {
        return bankrupt(equity) ? null : Decimals.ratio(maintenanceMargin, equity);
    }

    /**
     * Whether the pool is inside a target: {@code E > 0} and {@code MM / E < targetRatio}, compared
     * exactly as {@code MM < targetRatio x E} (no rounding). With a target of 1 this is "not liquidatable".
     */
    public static boolean below(BigDecimal maintenanceMargin, BigDecimal equity, BigDecimal targetRatio) {
        return !bankrupt(equity) && maintenanceMargin.compareTo(targetRatio.multiply(equity)) < 0;
    }
}
