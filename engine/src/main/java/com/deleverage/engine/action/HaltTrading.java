package com.deleverage.engine.action;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * Halt all trading of a market.
 *
 * @param until        end of the halt, or null for the rest of the session
 * @param breakerLevel the circuit-breaker level that halts (1-3), or null for a halt of another kind; a sweep or a
 *                     replay marks the level spent in the market's breaker session, so it halts once per session
 */
public record HaltTrading(String symbol, Instant until, @Nullable Integer breakerLevel, String reason) implements Action {
    /** A halt that is not a circuit-breaker level. */
    public HaltTrading(String symbol, Instant until, String reason) {
        this(symbol, until, null, reason);
    }

    @Override
    public ActionType type() {
        return ActionType.HALT_TRADING;
    }

    @Override
    public String account() {
        return null;
    }
}
