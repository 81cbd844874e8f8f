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
 * Runs the reference policy through the same validation a staged version gets (lint, compile, every
 * scenario under deleveraging/scenarios), and requires full rule coverage: the build fails when a
 * scenario fails or a rule fires in no scenario.
 */
class ReferencePolicyScenariosTest {

    @Test
    void everyScenarioPassesAndEveryRuleFires() {
        Map<String, String> files = PolicyFiles.fromDirectory(Path.of("deleveraging"));
        ValidationReport report = new PolicyValidator(new RuleSetCompiler(), new Evaluator())
                .validate("deleveraging", 1, files);

        report.findings().forEach(f -> System.out.println(describe(f)));
        System.out.printf("scenarios run: %d, failed: %d%n", report.scenariosRun(), report.scenariosFailed());
        assertThat(report.findings()).extracting(ReferencePolicyScenariosTest::describe).isEmpty();
        assertThat(report.scenariosRun()).isGreaterThanOrEqualTo(2);
    }

    private static String describe(Finding f) {
        return f.severity() + " " + f.code() + " " + f.file() + ":" + f.line() + ":" + f.column()
                + (f.rule() == null ? "" : " [" + f.rule() + "]") + " " + f.message();
    }
}
