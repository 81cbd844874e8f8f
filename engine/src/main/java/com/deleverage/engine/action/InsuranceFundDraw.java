package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Pay a bankrupt position's deficit from the market's insurance fund.
 *
 * @param account the bankrupt account whose deficit is covered
 * @param amount  quote currency paid out of the fund, positive
 */
public record InsuranceFundDraw(String account, String symbol, BigDecimal amount, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.INSURANCE_FUND_DRAW;
    }
}
