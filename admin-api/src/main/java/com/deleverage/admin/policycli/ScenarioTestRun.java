package com.deleverage.admin.policycli;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.DrlOutline;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.PolicySources;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.compile.Severity;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.lint.PolicyLinter;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioFormatException;
import com.deleverage.engine.scenario.ScenarioReader;
import com.deleverage.engine.scenario.ScenarioResult;
import com.deleverage.engine.scenario.ScenarioRunner;
import com.deleverage.engine.validate.PolicyValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a folder's scenarios ({@code scenarios/*.yaml}) as staging validation runs them, keeping each scenario's
 * result and the rules each fired, which the validation report folds into findings.
 * As in {@link PolicyValidator}, nothing runs unless lint and compilation are clean.
 */
final class ScenarioTestRun {
    private static final int LOCAL_VERSION = 1;

    /** A rule no scenario fired, with where it is written (file null, line 0 when unknown). */
    record UncoveredRule(String rule, String file, int line) {
    }

    /**
     * What the run found.
     *
     * @param blocking   errors that kept the scenarios from running (lint, compilation, unreadable scenarios)
     * @param results    each scenario's result, in file and document order
     * @param rules      number of rules in the version
     * @param neverFired the rules no scenario fired, by name
     */
    record Outcome(List<Finding> blocking, List<ScenarioResult> results, int rules, List<UncoveredRule> neverFired) {
        boolean passed() {
            return blocking.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
        }
    }

    private ScenarioTestRun() {
    }

    static Outcome run(String ruleSet, Map<String, String> files) {
        Map<String, String> drl = PolicySources.of(files).drl();
        List<Finding> blocking = new ArrayList<>(errors(new PolicyLinter().lint(drl)));
        List<Scenario> scenarios = read(files, blocking);
        Compilation compilation = new RuleSetCompiler().compile(ruleSet, LOCAL_VERSION, files);
        blocking.addAll(errors(compilation.findings()));
        if (!compilation.succeeded() || !blocking.isEmpty()) {
            compilation.compiledVersion().ifPresent(CompiledVersion::retire);
            return new Outcome(blocking, List.of(), 0, List.of());
        }
        CompiledVersion compiled = compilation.compiled();
        try {
            List<ScenarioResult> results = new ScenarioRunner(new Evaluator()).runAll(compiled, scenarios);
            List<UncoveredRule> never = ScenarioRunner.neverFired(compiled, results).stream()
                    .map(rule -> uncovered(rule, compiled.fileOf(rule), drl)).toList();
            return new Outcome(List.of(), results, compiled.ruleNames().size(), never);
        } finally {
            compiled.retire();
        }
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    private static List<Scenario> read(Map<String, String> files, List<Finding> blocking) {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> scenarios = new ArrayList<>();
        new TreeMap<>(files).forEach((path, text) -> {
            if (ScenarioReader.isScenarioFile(path)) {
                try {
                    scenarios.addAll(reader.read(path, text));
                } catch (ScenarioFormatException e) {
                    blocking.add(new Finding(PolicyValidator.SCENARIO_INVALID, Severity.ERROR, e.file(), e.line(), 0,
                            null, e.getMessage()));
                }
            }
        });
        return scenarios;
    }

    private static UncoveredRule uncovered(String rule, String file, Map<String, String> drl) {
        int line = file == null || !drl.containsKey(file) ? 0 : DrlOutline.of(drl.get(file)).rules().stream()
                .filter(r -> r.name().equals(rule)).mapToInt(DrlOutline.RuleStart::line).findFirst().orElse(0);
        return new UncoveredRule(rule, file, line);
    }
}
