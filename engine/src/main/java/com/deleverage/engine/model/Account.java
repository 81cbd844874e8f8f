package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A trading account and its open positions.
 *
 * @param id            account id, unique within a snapshot
 * @param walletBalance collateral in quote currency: for CROSS the wallet that backs every position;
 *                      for ISOLATED the free balance outside the positions' isolated margins
 * @param marginMode    CROSS or ISOLATED
 * @param positions     open positions, at most one per market
 */
public record Account(String id, BigDecimal walletBalance, MarginMode marginMode, @Nullable List<Position> positions) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(walletBalance, "walletBalance");
        Objects.requireNonNull(marginMode, "marginMode");
        positions = List.copyOf(positions == null ? List.of() : positions);
    }
}
