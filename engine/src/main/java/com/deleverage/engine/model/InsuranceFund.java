package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The insurance fund that backs one market.
 *
 * @param symbol        market the fund backs
 * @param balance       current balance, quote currency
 * @param peakBalance8h highest balance over the last 8 hours (for drawdown-triggered ADL), or null
 */
public record InsuranceFund(String symbol, BigDecimal balance, @Nullable BigDecimal peakBalance8h) {
    public InsuranceFund {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(balance, "balance");
    }
}
