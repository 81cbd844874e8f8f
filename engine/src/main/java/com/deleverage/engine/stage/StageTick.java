package com.deleverage.engine.stage;

import com.deleverage.engine.evaluate.DecidedAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One tick of a stage: the version it evaluated (the whole version's number and hash, which every stage of it
 * shares), the actions of the stage's rules, and, of an account stage, the hand-over facts of every owned account
 * that has at least one (an absent account has none); a market stage hands over nothing.
 */
public record StageTick(Instant asOf, String ruleSet, int version, String versionHash, List<DecidedAction> actions,
                        Map<String, AccountHandover> handovers) {
    public StageTick {
        actions = List.copyOf(actions);
        handovers = Map.copyOf(handovers);
    }
}
