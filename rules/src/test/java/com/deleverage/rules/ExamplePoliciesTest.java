package com.deleverage.rules;

import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.compile.Severity;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.validate.PolicyValidator;
import com.deleverage.engine.validate.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample policies of rules/examples: the first policy of the authoring guide validates cleanly, and
 * each deliberately broken one yields exactly the finding its docs/errors page describes, at the line the
 * page names. Line and column numbers were read off the files by hand.
 */
class ExamplePoliciesTest {
    private final PolicyValidator validator = new PolicyValidator(new RuleSetCompiler(), new Evaluator());

    private ValidationReport validate(String folder) {
        return validator.validate("examples", 1, PolicyFiles.fromDirectory(Path.of("examples", folder)));
    }

    @Test
    void theFirstPolicyOfTheGuideValidatesWithoutFindings() {
        ValidationReport report = validate("first-policy");

        assertThat(report.findings()).isEmpty();
        assertThat(report.accepted()).isTrue();
        assertThat(report.scenariosRun()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            broken/drl-syntax        | DRL_SYNTAX        | ERROR   | policy.drl                | 10 | 1  | Warn
            broken/unknown-field     | UNKNOWN_FIELD     | ERROR   | policy.drl                | 9  | 29 | Warn
            broken/unknown-type      | UNKNOWN_TYPE      | ERROR   | policy.drl                | 9  | 5  | Watch positions
            broken/consequence-error | CONSEQUENCE_ERROR | ERROR   | policy.drl                | 11 | 16 | Warn
            broken/duplicate-rule    | DUPLICATE_RULE    | ERROR   | warn_again.drl            | 7  | 1  | Warn
            broken/forbidden-import  | FORBIDDEN_IMPORT  | ERROR   | policy.drl                | 5  | 8  | -
            broken/forbidden-api     | FORBIDDEN_API     | ERROR   | policy.drl                | 8  | 5  | -
            broken/imprecise-decimal | IMPRECISE_DECIMAL | WARNING | policy.drl                | 9  | 44 | Warn
            broken/scenario-failed   | SCENARIO_FAILED   | ERROR   | scenarios/warn.yaml       | 3  | 0  | -
            broken/scenario-invalid  | SCENARIO_INVALID  | ERROR   | scenarios/warn.yaml       | 11 | 0  | -
            broken/no-rule-files     | NO_RULE_FILES     | ERROR   | -                         | 0  | 0  | -
            broken/rule-never-fired  | RULE_NEVER_FIRED  | WARNING | policy.drl                | 6  | 1  | Warn
            broken/no-scenarios      | NO_SCENARIOS      | WARNING | -                         | 0  | 0  | -
            broken/account-watch-unsafe | ACCOUNT_WATCH_UNSAFE | ERROR | scenarios/warn.yaml  | 3  | 0  | Warn
            broken/stage-unknown     | STAGE_UNKNOWN     | ERROR   | policy.drl                | 7  | 0  | Warn
            broken/handover-type-invalid | HANDOVER_TYPE_INVALID | ERROR | policy.drl            | 8  | 0  | -
            """)
    void eachBrokenExampleYieldsItsFinding(String folder, String code, Severity severity, String file, int line,
                                           int column, String rule) {
        ValidationReport report = validate(folder);

        assertThat(report.findings()).as("findings of %s", folder)
                .contains(new Finding(code, severity, file, line, column, rule,
                        report.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                                .map(Finding::message).orElse("<missing>")));
        assertThat(report.findings()).as("errors of %s", folder).filteredOn(Finding::isError)
                .extracting(Finding::code).allMatch(code::equals);
        assertThat(report.accepted()).isEqualTo(severity != Severity.ERROR);
    }

    @Test
    void aFailedScenarioSaysWhatWasExpectedAndWhatHappened() {
        ValidationReport report = validate("broken/scenario-failed");

        assertThat(report.findings()).filteredOn(Finding::isError).singleElement().extracting(Finding::message)
                .isEqualTo("scenario 'An account at 80% is warned' failed: expected an action like "
                        + "{type=MARGIN_CALL, account=alice}; the decision's actions: none");
        assertThat(report.scenariosRun()).isEqualTo(1);
        assertThat(report.scenariosFailed()).isEqualTo(1);
    }

    /** carol (ratio 0.8) is below the stated watch of 0.9, so the platform would never warn her. */
    @Test
    void anUnsafeAccountWatchNamesTheActionItWouldHide() {
        ValidationReport report = validate("broken/account-watch-unsafe");

        assertThat(report.findings()).singleElement().extracting(Finding::message)
                .isEqualTo("the version watches accounts from margin ratio 0.9, but in scenario 'Accounts at 100% and at"
                        + " 80%' rule \"Warn\" decides differently when every account is a fact: MARGIN_CALL of carol"
                        + " (1 action(s) in all). State the lowest margin ratio any rule acts on, or no AccountWatch");
        assertThat(report.scenariosFailed()).as("the scenario itself passes").isZero();
    }

    @Test
    void codeThatFailsTheLintNeverRuns() {
        ValidationReport report = validate("broken/forbidden-api");

        assertThat(report.scenariosRun()).isZero();
    }
}
