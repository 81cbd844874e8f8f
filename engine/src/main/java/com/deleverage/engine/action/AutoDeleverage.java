package com.deleverage.engine.action;

import java.math.BigDecimal;

/**
 * Close part of a profitable opposing position against a bankrupt one.
 *
 * @param account      the deleveraged (profitable) account whose position is reduced
 * @param counterparty the bankrupt account whose position it takes over
 * @param quantity     base units closed, positive
 * @param price        the bankrupt position's bankruptcy price
 */
public record AutoDeleverage(String account, String symbol, String counterparty, BigDecimal quantity,
                             BigDecimal price, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.AUTO_DELEVERAGE;
    }
}
