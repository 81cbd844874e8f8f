package com.deleverage.solvency.margin;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.evaluate.Decision;

import java.util.List;

/**
 * What a margin epoch needs of a logged decision: its id and version, and whom each action was about, in the
 * decision's order (the index a link names). From the engine's decision, or from a stored response.
 */
public record DecisionFacts(String decisionId, String ruleSet, int version, String versionHash, List<ActedOn> actions) {
    /** One action: its type as the API names it, its account (null for a market-wide action) and symbol. */
    public record ActedOn(String type, String account, String symbol) {
    }

    public DecisionFacts {
        actions = List.copyOf(actions);
    }

    public static DecisionFacts of(String decisionId, Decision decision) {
        return new DecisionFacts(decisionId, decision.ruleSet(), decision.version(), decision.versionHash(),
                decision.actions().stream().map(d -> {
                    Action action = d.action();
                    return new ActedOn(action.type().name(), action.account(), action.symbol());
                }).toList());
    }
}
