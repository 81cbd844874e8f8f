package com.deleverage.engine.action;

/** The action types of the API contract. */
public enum ActionType {
    MARGIN_CALL, LIQUIDATE, INSURANCE_FUND_DRAW, AUTO_DELEVERAGE, SOCIALIZE_LOSS, SET_MAX_LEVERAGE,
    SCALE_MAINTENANCE_MARGIN, SET_FUNDING_RATE, REDUCE_ONLY, HALT_TRADING
}
