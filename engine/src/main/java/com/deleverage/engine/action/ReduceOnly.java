package com.deleverage.engine.action;

import java.time.Instant;

/**
 * Accept only orders that reduce positions, for a market (account null) or one account's position.
 *
 * @param until end of the restriction, or null until a later decision lifts it
 */
public record ReduceOnly(String account, String symbol, Instant until, String reason) implements Action {
    @Override
    public ActionType type() {
        return ActionType.REDUCE_ONLY;
    }
}
