package com.deleverage.engine.scenario;

import com.deleverage.engine.evaluate.Decision;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one scenario.
 *
 * @param scenario   the scenario
 * @param failures   each unmet expectation, in words; empty when the scenario passed
 * @param firedRules names of the rules that fired (for coverage)
 * @param decision   what the version decided, or null when the evaluation failed
 */
public record ScenarioResult(Scenario scenario, List<String> failures, Set<String> firedRules, Decision decision) {
    public ScenarioResult {
        failures = List.copyOf(failures);
        firedRules = Set.copyOf(firedRules);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
