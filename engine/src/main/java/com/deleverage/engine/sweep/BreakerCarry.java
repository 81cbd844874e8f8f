package com.deleverage.engine.sweep;

import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.Market;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries each market's circuit-breaker session ({@link Market#breaker()}) from one tick of a sweep to the next,
 * so each breaker level halts once per session: a market given without a session keeps the sweep's, a new UTC day
 * starts a new session at that tick's mark, and a decision's breaker halt marks its level fired. A market that
 * never had a session gets none (the policy reads its 1-hour move statelessly).
 */
public final class BreakerCarry {
    private BreakerCarry() {
    }

    /** The market a tick evaluates: {@code given}, with {@code current}'s session when it brings none. */
    public static Market onto(Market given, Market current) {
        return given.breaker() == null && current.breaker() != null ? given.withBreaker(current.breaker()) : given;
    }

    /** The market at {@code at}: its session rolled over to a new one from its mark when the UTC day changed. */
    public static Market at(Market market, Instant at) {
        CircuitBreakerSession session = market.breaker();
        if (session == null) {
            return market;
        }
        CircuitBreakerSession now = session.at(at, market.markPrice());
        return now == session ? market : market.withBreaker(now);
    }

    /**
     * Marks the breaker levels the decision halted with as fired, in {@code markets}, and adds the symbols whose
     * session changed to {@code changed}.
     */
    public static void recordHalts(List<DecidedAction> actions, Map<String, Market> markets, Set<String> changed) {
        for (DecidedAction decided : actions) {
            if (decided.action() instanceof HaltTrading halt && halt.breakerLevel() != null) {
                Market market = markets.get(halt.symbol());
                if (market != null && market.breaker() != null) {
                    CircuitBreakerSession fired = market.breaker().fired(halt.breakerLevel());
                    if (fired != market.breaker()) {
                        markets.put(market.symbol(), market.withBreaker(fired));
                        changed.add(market.symbol());
                    }
                }
            }
        }
    }
}
