package com.deleverage.engine.compile;

import com.deleverage.engine.policy.PolicyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 14, item 3: one mistake, one finding. Without grouping, one missing bracket in a new file of the
 * reference policy gave 166 findings in 14 files, and leaving out parameters.drl 65; raw Drools and MVEL texts
 * ("Unable to Analyse Expression ...: [Error: unable to resolve method using strict-mode: ...]") reached the
 * author.
 */
class RootCausesTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void aSyntaxErrorInANewFileIsTheOnlyErrorListedAndCountsWhatFollowsFromIt() {
        Map<String, String> files = referencePolicy();
        files.put("extra.drl", """
                package deleveraging;

                rule "Broken"
                when
                  $p : PositionRisk( marginRatio > 1
                then
                end
                """);

        List<Finding> errors = errors(compiler.compile("deleveraging", 1, files));

        assertThat(errors).hasSize(1);
        Finding root = errors.getFirst();
        assertThat(root.code()).isEqualTo(FindingCodes.DRL_SYNTAX);
        assertThat(root.file()).isEqualTo("extra.drl");
        assertThat(root.line()).isEqualTo(6); // 'then' where the bracket of line 5 should have closed
        assertThat(root.message()).startsWith("syntax error: mismatched input 'then' in rule \"Broken\" (")
                .containsPattern("\\(\\d+ further errors in \\d+ files follow from this and are not listed; "
                        + "validate again once it is fixed\\)$");
    }

    @Test
    void aMissingDeclaredTypeIsReportedOnceAtItsFirstUse() {
        Map<String, String> files = referencePolicy();
        files.remove("parameters.drl"); // declares PolicyParameters
        files.remove("parameters.yaml"); // its values (without the declaration they are one PARAMETER_INVALID)

        List<Finding> errors = errors(compiler.compile("deleveraging", 1, files));

        assertThat(errors).hasSize(1);
        Finding root = errors.getFirst();
        assertThat(root.code()).isEqualTo(FindingCodes.UNKNOWN_TYPE);
        // Files in name order: adl-ranking.drl's first rule joins on PolicyParameters() at line 37.
        assertThat(root.file()).isEqualTo("adl-ranking.drl");
        assertThat(root.line()).isEqualTo(37);
        // 33 uses in 11 files: grep -o "PolicyParameters\s*(" rules/deleveraging/*.drl, parameters.drl left out
        // (33 since the breaker sessions: their classification reads the levels).
        assertThat(root.message()).startsWith("unknown fact type 'PolicyParameters'")
                .contains("(it is used 33 times in 11 files; the first use is shown)")
                .containsPattern("\\(\\d+ further errors in \\d+ files follow from this");
    }

    @Test
    void aConditionDroolsCannotAnalyseIsLocatedAndExplainedInTheFindingsOwnWords() {
        Map<String, String> files = referencePolicy();
        files.put("extra.drl", """
                package deleveraging;

                rule "Unbound"
                when
                  $p : PositionRisk( accountId == $nothing.accountId )
                then
                end
                """);

        List<Finding> errors = errors(compiler.compile("deleveraging", 1, files));

        assertThat(errors).containsExactly(new Finding(FindingCodes.COMPILE_ERROR, Severity.ERROR, "extra.drl", 5, 0,
                "Unbound", "the condition 'accountId == $nothing.accountId' does not compile: '$nothing' is not "
                + "bound to a fact it can use here (check that the pattern binding it compiles and comes before "
                + "this condition)"));
    }

    /** The two examples of docs/errors/COMPILE_ERROR.md, reported as that page shows. */
    @Test
    void compileErrorsAreInThePlatformsOwnWords() {
        String header = """
                package examples.broken;

                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.action.MarginCall;

                """;
        List<Finding> boundTwice = errors(compiler.compile("t", 1, Map.of("policy.drl", header + """
                rule "Warn"
                when
                    $account : AccountRisk( marginRatio >= 0.8B )
                    $account : AccountRisk( marginRatio >= 0.9B )
                then
                    insert(new MarginCall($account.accountId(), null, $account.marginRatio(), "warn"));
                end
                """)));
        List<Finding> unbound = errors(compiler.compile("t", 1, Map.of("policy.drl", header + """
                rule "Warn"
                when
                    $account : AccountRisk( marginRatio >= $limit )
                then
                    insert(new MarginCall($account.accountId(), null, $account.marginRatio(), "warn"));
                end
                """)));

        assertThat(boundTwice).extracting(Finding::code, Finding::line, Finding::rule, Finding::message)
                .containsExactly(tuple(FindingCodes.COMPILE_ERROR, 9, "Warn",
                        "'$account' is bound twice in this rule; bind each name once"));
        assertThat(unbound).extracting(Finding::code, Finding::line, Finding::rule, Finding::message)
                .containsExactly(tuple(FindingCodes.COMPILE_ERROR, 8, "Warn",
                        "the condition 'marginRatio >= $limit' does not compile: '$limit' is not bound to a fact it "
                        + "can use here (check that the pattern binding it compiles and comes before this condition)"));
    }

    /** Without a root cause nothing is grouped: an error Drools places in no rule stays listed. */
    @Test
    void withoutARootCauseEveryErrorIsListed() {
        List<Finding> errors = errors(compiler.compile("t", 1, Map.of("broken.drl",
                "package deleveraging;\nrule \"x\" when then nothing( end")));

        assertThat(errors).extracting(Finding::code).containsExactly(FindingCodes.CONSEQUENCE_ERROR);
    }

    private static Map<String, String> referencePolicy() {
        return new HashMap<>(PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging")));
    }

    private static List<Finding> errors(Compilation compilation) {
        assertThat(compilation.compiled()).isNull();
        return compilation.findings().stream().filter(Finding::isError).toList();
    }
}
