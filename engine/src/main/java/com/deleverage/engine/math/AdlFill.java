package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * One counterparty's share of a bankrupt position, as {@link AdlQueue#allocate} assigns it. Maps one to one
 * onto the {@code AutoDeleverage} action.
 *
 * @param account      the deleveraged account whose position is reduced
 * @param symbol       the market
 * @param counterparty the bankrupt account
 * @param quantity     base units closed, positive
 * @param price        the bankrupt position's bankruptcy price, quote per base unit
 */
public record AdlFill(String account, String symbol, String counterparty, BigDecimal quantity, BigDecimal price) {
}
