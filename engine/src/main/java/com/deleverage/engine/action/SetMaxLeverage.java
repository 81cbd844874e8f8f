package com.deleverage.engine.action;

/**
 * Lower (or restore) the highest leverage new positions of a market may use.
 *
 * @param maxLeverage the new limit, at least 1
 */
public record SetMaxLeverage(String symbol, int maxLeverage, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.SET_MAX_LEVERAGE;
    }

    @Override
    public String account() {
        return null;
    }
}
