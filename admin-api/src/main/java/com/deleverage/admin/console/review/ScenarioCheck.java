package com.deleverage.admin.console.review;

import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioReader;
import com.deleverage.engine.scenario.ScenarioResult;
import com.deleverage.engine.scenario.ScenarioRunner;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a stored version's own scenarios again, for the review page: each scenario's result and the rules no
 * scenario fired. The version is the compiled, sandboxed one dry runs use ({@link CandidateVersions}), run by
 * the platform's metered evaluator; its scenarios are the ones staging ran, so nothing new is learned by
 * running them, only shown.
 */
@Singleton
public class ScenarioCheck {
    private final CandidateVersions versions;
    private final RuleSetRepository repository;
    private final Evaluator evaluator;

    public ScenarioCheck(CandidateVersions versions, RuleSetRepository repository, Evaluator evaluator) {
        this.versions = versions;
        this.repository = repository;
        this.evaluator = evaluator;
    }

    /** One scenario: where it is written, whether it passed, and why not. */
    public record Line(String name, String where, boolean passed, List<String> failures) {
    }

    /** A rule no scenario fired and its file. */
    public record Uncovered(String rule, String file) {
    }

    /** The run: every scenario in file order, the number of rules, and the rules never fired. */
    public record Outcome(List<Line> scenarios, int rules, List<Uncovered> neverFired) {
        public long failed() {
            return scenarios.stream().filter(s -> !s.passed()).count();
        }

        public int fired() {
            return rules - neverFired.size();
        }
    }

    public Outcome run(String ruleSet, int version) {
        RuleSetVersion stored = versions.validated(ruleSet, version);
        List<Scenario> scenarios = scenarios(repository.files(ruleSet, version));
        try (CompiledVersion.Lease lease = versions.lease(stored)) {
            CompiledVersion compiled = lease.version();
            List<ScenarioResult> results = new ScenarioRunner(evaluator).runAll(compiled, scenarios);
            List<Line> lines = results.stream().map(r -> new Line(r.scenario().name(),
                    r.scenario().file() + ":" + r.scenario().line(), r.passed(), r.failures())).toList();
            List<Uncovered> never = ScenarioRunner.neverFired(compiled, results).stream().sorted()
                    .map(rule -> new Uncovered(rule, compiled.fileOf(rule))).toList();
            return new Outcome(lines, compiled.ruleNames().size(), never);
        }
    }

    /** The version's scenario files in path order; staging parsed them already, so they read. */
    private static List<Scenario> scenarios(Map<String, String> files) {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> scenarios = new ArrayList<>();
        new TreeMap<>(files).forEach((path, text) -> {
            if (ScenarioReader.isScenarioFile(path)) {
                scenarios.addAll(reader.read(path, text));
            }
        });
        return scenarios;
    }
}
