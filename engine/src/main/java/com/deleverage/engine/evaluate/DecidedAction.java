package com.deleverage.engine.evaluate;

import com.deleverage.engine.action.Action;

import java.util.List;

/**
 * An action of a decision with its explanation: the rule (and its file) that inserted it and the facts
 * that rule matched when it fired (accounts, positions, markets, funds, ADL standings, the policy's own
 * classifications), in the order of the rule's patterns.
 */
public record DecidedAction(Action action, String rule, String file, List<Object> matchedFacts) {
    public DecidedAction {
        // Not List.copyOf: a rule's match may hold nulls (patterns under 'not' or 'exists').
        matchedFacts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(matchedFacts));
    }
}
