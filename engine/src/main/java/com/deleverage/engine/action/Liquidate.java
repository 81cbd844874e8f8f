package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Close all or part of a position.
 *
 * @param quantity base units to close, positive, at most the position's size
 * @param price    the price the policy closes at (the reference policy uses the bankruptcy price, so
 *                 any better fill is insurance-fund surplus)
 * @param partial  whether the position stays open with a smaller size
 */
public record Liquidate(String account, String symbol, BigDecimal quantity, BigDecimal price, boolean partial,
                        String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.LIQUIDATE;
    }
}
