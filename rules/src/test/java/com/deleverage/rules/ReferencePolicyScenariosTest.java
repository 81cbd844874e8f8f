package com.deleverage.rules;

import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.validate.PolicyValidator;
import com.deleverage.engine.validate.ValidationReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the reference policy and its variants through the same validation a staged version gets (lint,
 * compile, every scenario), as the build's policy tests.
 */
class ReferencePolicyScenariosTest {
    private final PolicyValidator validator = new PolicyValidator(new RuleSetCompiler(), new Evaluator());

    /** The reference policy: no finding at all, so every rule fires in some scenario. */
    @Test
    void everyScenarioPassesAndEveryRuleFires() {
        ValidationReport report = validate(PolicyFiles.fromDirectory(Path.of("deleveraging")));

        assertThat(report.findings()).extracting(ReferencePolicyScenariosTest::describe).isEmpty();
        assertThat(report.scenariosRun()).isGreaterThanOrEqualTo(16);
    }

    /**
     * The Binance-ranking variant (reference files overlaid with its parameters and scenarios): its
     * scenarios cover only where it differs, so rules they leave unfired are warnings, never errors.
     */
    @Test
    void theBinanceRankingVariantPassesItsOwnScenarios() {
        Map<String, String> files = PolicyFiles.overlay(PolicyFiles.fromDirectory(Path.of("deleveraging")),
                PolicyFiles.fromDirectory(Path.of("variants", "adl-binance-ranking")));

        ValidationReport report = validate(files);

        assertThat(report.findings()).filteredOn(Finding::isError).extracting(ReferencePolicyScenariosTest::describe)
                .isEmpty();
        assertThat(report.scenariosRun()).isEqualTo(2);
        assertThat(files).containsKeys("liquidation.drl", "scenarios/drawdown.yaml")
                .doesNotContainKeys("scenarios/cascade.yaml");
    }

    private ValidationReport validate(Map<String, String> files) {
        ValidationReport report = validator.validate("deleveraging", 1, files);
        report.findings().forEach(f -> System.out.println(describe(f)));
        System.out.printf("scenarios run: %d, failed: %d%n", report.scenariosRun(), report.scenariosFailed());
        return report;
    }

    private static String describe(Finding f) {
        return f.severity() + " " + f.code() + " " + f.file() + ":" + f.line() + ":" + f.column()
                + (f.rule() == null ? "" : " [" + f.rule() + "]") + " " + f.message();
    }
}
