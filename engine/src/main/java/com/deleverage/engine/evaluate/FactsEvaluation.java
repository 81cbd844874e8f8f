package com.deleverage.engine.evaluate;

import java.util.List;

/**
 * The outcome of {@link Evaluator#evaluateFacts}: the actions the rules left in the session, what the caller read
 * from the session before it was disposed, and the number of rule firings.
 */
public record FactsEvaluation<T>(List<DecidedAction> actions, T read, int firings) {
    public FactsEvaluation {
        actions = List.copyOf(actions);
    }
}
