package com.deleverage.engine.validate;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates a rule set version before anything can activate it: (1) lint, (2) compile, (3) run the
 * version's own scenarios ({@code scenarios/*.yaml}), then report rules no scenario fired, and (4) for a
 * version that states an {@code AccountWatch}, check on every scenario that the watch changes no action.
 * Scenarios run only when lint and compilation are clean, so code that failed the lint never executes.
 */
public final class PolicyValidator {
    public static final String SCENARIO_FAILED = "SCENARIO_FAILED";
    public static final String SCENARIO_INVALID = "SCENARIO_INVALID";
    public static final String RULE_NEVER_FIRED = "RULE_NEVER_FIRED";
    public static final String NO_SCENARIOS = "NO_SCENARIOS";
    public static final String ACCOUNT_WATCH_UNSAFE = "ACCOUNT_WATCH_UNSAFE";
    /** The version removes rules, scenarios or actions of the active version ({@link RemovalCheck}). */
    public static final String REMOVES_RULES = "REMOVES_RULES";

    private final RuleSetCompiler compiler;
    private final PolicyLinter linter = new PolicyLinter();
    private final ScenarioReader reader = new ScenarioReader();
    private final ScenarioRunner runner;
    private final AccountWatchCheck watchCheck;

    public PolicyValidator(RuleSetCompiler compiler, Evaluator evaluator) {
        this.compiler = compiler;
        this.runner = new ScenarioRunner(evaluator);
        this.watchCheck = new AccountWatchCheck(evaluator);
    }

    public ValidationReport validate(String ruleSet, int version, Map<String, String> files) {
        Map<String, String> drl = PolicySources.of(files).drl();
        List<Finding> findings = new ArrayList<>(linter.lint(drl));
        List<Scenario> scenarios = readScenarios(files, findings);
        Compilation compilation = compiler.compile(ruleSet, version, files);
        // The lint's early messages and the sandbox's checks may name the same import twice: keep one.
        compilation.findings().stream().filter(f -> findings.stream().noneMatch(l -> sameSpot(l, f))).forEach(findings::add);
        if (!compilation.succeeded()) {
            return new ValidationReport(compilation.hash(), findings, 0, 0);
        }
        CompiledVersion compiled = compilation.compiled();
        try {
            if (findings.stream().anyMatch(Finding::isError)) {
                return new ValidationReport(compilation.hash(), findings, 0, 0);
            }
            return runScenarios(compiled, scenarios, drl, findings);
        } finally {
            compiled.retire();
        }
    }

    private List<Scenario> readScenarios(Map<String, String> files, List<Finding> findings) {
        List<Scenario> scenarios = new ArrayList<>();
        new TreeMap<>(files).forEach((path, text) -> {
            if (ScenarioReader.isScenarioFile(path)) {
                try {
                    scenarios.addAll(reader.read(path, text));
                } catch (ScenarioFormatException e) {
                    findings.add(new Finding(SCENARIO_INVALID, Severity.ERROR, e.file(), e.line(), 0, null, e.getMessage()));
                }
            }
        });
        return scenarios;
    }

    private ValidationReport runScenarios(CompiledVersion compiled, List<Scenario> scenarios, Map<String, String> drl,
                                          List<Finding> findings) {
        if (scenarios.isEmpty()) {
            findings.add(new Finding(NO_SCENARIOS, Severity.WARNING, null, 0, 0, null,
                    "the version has no scenarios/*.yaml: nothing shows what its rules decide"));
            return new ValidationReport(compiled.hash(), findings, 0, 0);
        }
        List<ScenarioResult> results = runner.runAll(compiled, scenarios);
        int failed = 0;
        for (ScenarioResult result : results) {
            if (!result.passed()) {
                failed++;
                Scenario s = result.scenario();
                findings.add(new Finding(SCENARIO_FAILED, Severity.ERROR, s.file(), s.line(), 0, null,
                        "scenario '" + s.name() + "' failed: " + String.join("; ", result.failures())));
            }
        }
        for (String rule : ScenarioRunner.neverFired(compiled, results)) {
            String file = compiled.fileOf(rule);
            int line = file == null ? 0 : DrlOutline.of(drl.get(file)).rules().stream()
                    .filter(r -> r.name().equals(rule)).mapToInt(DrlOutline.RuleStart::line).findFirst().orElse(0);
            findings.add(new Finding(RULE_NEVER_FIRED, Severity.WARNING, file, line, 1, rule,
                    "no scenario makes rule \"" + rule + "\" fire: add a scenario that shows what it decides"));
        }
        findings.addAll(watchCheck.check(compiled, results));
        return new ValidationReport(compiled.hash(), findings, results.size(), failed);
    }

    private static boolean sameSpot(Finding a, Finding b) {
        return a.code().equals(b.code()) && java.util.Objects.equals(a.file(), b.file()) && a.line() == b.line();
    }
}
