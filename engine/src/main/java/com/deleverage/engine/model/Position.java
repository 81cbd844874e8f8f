package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open position of an account.
 *
 * @param symbol         market symbol
 * @param quantity       signed size in base units: positive long, negative short, never zero
 * @param entryPrice     average entry price, &gt; 0
 * @param leverage       leverage the trader chose, or null when not given (informational; margin comes from
 *                       the tier table)
 * @param isolatedMargin margin set aside for this position when its account is ISOLATED, else null
 */
public record Position(String symbol, BigDecimal quantity, BigDecimal entryPrice, @Nullable Integer leverage,
                       @Nullable BigDecimal isolatedMargin) {
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
    }

    public Side side() {
        return Side.of(quantity);
    }

    /** |quantity|, the {@code Q} of the venues' formulas. */
    public BigDecimal size() {
        return quantity.abs();
    }
}
