package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Charge part of an uncovered deficit to a winning account, pro rata to its profit.
 *
 * @param account the winning account charged
 * @param amount  quote currency charged, positive
 */
public record SocializeLoss(String account, String symbol, BigDecimal amount, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.SOCIALIZE_LOSS;
    }
}
