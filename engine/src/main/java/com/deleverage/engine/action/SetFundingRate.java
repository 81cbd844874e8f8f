package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Set the funding rate of the current interval.
 *
 * @param rate funding rate per interval as a fraction; positive: longs pay shorts
 */
public record SetFundingRate(String symbol, BigDecimal rate, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.SET_FUNDING_RATE;
    }

    @Override
    public String account() {
        return null;
    }
}
