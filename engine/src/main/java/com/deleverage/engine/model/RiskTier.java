package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bracket of a market's risk-limit table (Binance "leverage bracket", Bybit "risk limit").
 * A position whose notional N satisfies {@code notionalFloor < N <= notionalCap} (the first tier also
 * takes N = 0) owes {@code N x maintenanceMarginRate - maintenanceAmount} of maintenance margin and
 * may use at most {@code maxLeverage}.
 *
 * @param notionalFloor         lower bound of the tier's notional, quote currency (exclusive except for the first tier)
 * @param notionalCap           upper bound of the tier's notional, quote currency (inclusive)
 * @param maintenanceMarginRate maintenance margin rate as a fraction (0.004 = 0.4%)
 * @param maintenanceAmount     amount subtracted so the margin is continuous across tiers (Binance {@code cum});
 *                              null when not given: the {@link Market} the tier belongs to derives it
 * @param maxLeverage           the highest leverage allowed in this tier
 */
public record RiskTier(BigDecimal notionalFloor, BigDecimal notionalCap, BigDecimal maintenanceMarginRate,
                       @Nullable BigDecimal maintenanceAmount, int maxLeverage) {
    public RiskTier {
        Objects.requireNonNull(notionalFloor, "notionalFloor");
        Objects.requireNonNull(notionalCap, "notionalCap");
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
    }

    /** Whether a notional falls in this tier ({@code floor < N <= cap}, or N = floor = 0 for the first tier). */
    public boolean contains(BigDecimal notional) {
        boolean aboveFloor = notional.compareTo(notionalFloor) > 0
                || (notionalFloor.signum() == 0 && notional.signum() == 0);
        return aboveFloor && notional.compareTo(notionalCap) <= 0;
    }
}
