package com.deleverage.engine.action;

import java.time.Instant;

/**
 * Halt all trading of a market.
 *
 * @param until end of the halt, or null for the rest of the session
 */
public record HaltTrading(String symbol, Instant until, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.HALT_TRADING;
    }

    @Override
    public String account() {
        return null;
    }
}
