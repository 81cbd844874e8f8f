package com.deleverage.engine.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one rule set version decided about one snapshot.
 *
 * @param ruleSet     rule set name
 * @param version     the version that decided, exactly one per decision
 * @param versionHash that version's content hash
 * @param asOf        the snapshot's time
 * @param accounts    per-account and per-position figures, in snapshot order
 * @param actions     actions in the order the policy took them
 * @param firedRules  rules that fired, in the order they first fired
 * @param ruleFirings total rule firings
 * @param elapsed     time spent assessing and firing
 */
public record Decision(String ruleSet, int version, String versionHash, Instant asOf, List<AccountResult> accounts,
                       List<DecidedAction> actions, List<FiredRule> firedRules, int ruleFirings, Duration elapsed) {
    public Decision {
        accounts = List.copyOf(accounts);
        actions = List.copyOf(actions);
        firedRules = List.copyOf(firedRules);
    }
}
