package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Warn an account that it is close to liquidation.
 *
 * @param account     the account warned
 * @param symbol      the position's market for an isolated position, null for a cross account
 * @param marginRatio maintenance margin / equity at the time of the warning
 */
public record MarginCall(String account, String symbol, BigDecimal marginRatio, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.MARGIN_CALL;
    }
}
