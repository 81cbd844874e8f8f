package com.deleverage.engine.math;

import com.deleverage.engine.model.RiskTier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tiered maintenance margin (Binance USD-M leverage brackets, Bybit risk limits).
 * Tiers are ordered by notional; the tier of a notional N is the one with {@code floor < N <= cap}.
 */
public final class TierTable {
    private TierTable() {
    }

    /**
     * The tier a notional falls in, or the last tier when it is above every cap (a venue would reject
     * such a position; the engine still margins it at the strictest rate rather than fail).
     */
    public static RiskTier tierFor(List<RiskTier> tiers, BigDecimal notional) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("the market has no risk tiers");
        }
        for (RiskTier tier : tiers) {
            if (tier.contains(notional)) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    /** 1-based position of the tier in the table, as venues number them. */
    public static int tierNumber(List<RiskTier> tiers, RiskTier tier) {
        return tiers.indexOf(tier) + 1;
    }

    /** {@code MM = N x MMR - maintenanceAmount} of the tier N falls in (never negative). */
    public static BigDecimal maintenanceMargin(List<RiskTier> tiers, BigDecimal notional) {
        return maintenanceMargin(tierFor(tiers, notional), notional);
    }

    /** {@code MM = N x MMR - maintenanceAmount} with a given tier (never negative). */
    public static BigDecimal maintenanceMargin(RiskTier tier, BigDecimal notional) {
        BigDecimal margin = notional.multiply(tier.maintenanceMarginRate()).subtract(tier.maintenanceAmount());
        return margin.signum() < 0 ? BigDecimal.ZERO : margin;
    }
}
