package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Multiply every maintenance-margin rate of a market's tier table.
 *
 * @param factor multiplier, e.g. 1.5 raises a 0.4% rate to 0.6%
 */
public record ScaleMaintenanceMargin(String symbol, BigDecimal factor, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.SCALE_MAINTENANCE_MARGIN;
    }

    @Override
    public String account() {
        return null;
    }
}
