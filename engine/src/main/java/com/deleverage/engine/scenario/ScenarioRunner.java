package com.deleverage.engine.scenario;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.evaluate.FiredRule;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InvalidSnapshotException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs scenarios against a compiled version, like {@code opa test} runs a policy's tests. */
public final class ScenarioRunner {
    private final Evaluator evaluator;

    public ScenarioRunner(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    public ScenarioResult run(CompiledVersion version, Scenario scenario) {
        Snapshot given = scenario.given();
        Snapshot snapshot = new Snapshot(version.ruleSet(), given.asOf(), given.markets(), given.insuranceFunds(),
                given.accounts());
        Decision decision;
        try {
            decision = evaluator.evaluate(version, snapshot);
        } catch (EvaluationFailedException | InvalidSnapshotException e) {
            return new ScenarioResult(scenario, List.of("the evaluation failed: " + e.getMessage()), Set.of(), null);
        }
        Set<String> fired = new TreeSet<>();
        decision.firedRules().stream().map(FiredRule::rule).forEach(fired::add);
        return new ScenarioResult(scenario, Expectations.failures(scenario.expect(), DecisionView.of(decision)), fired,
                decision);
    }

    public List<ScenarioResult> runAll(CompiledVersion version, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>(scenarios.size());
        scenarios.forEach(s -> results.add(run(version, s)));
        return results;
    }

    /** Rules of the version that fired in none of the results, sorted by name. */
    public static Set<String> neverFired(CompiledVersion version, List<ScenarioResult> results) {
        Set<String> never = new TreeSet<>(version.ruleNames());
        results.forEach(r -> never.removeAll(r.firedRules()));
        return never;
    }
}
