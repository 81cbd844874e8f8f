package com.deleverage.admin.policycli;

import com.deleverage.admin.policycli.PolicyCli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code policy check} on small folders written here: one broken, one without scenarios, one clean. */
class CheckCommandTest {
    /**
     * Line 6 leaves the constraint open; the parser reads {@code then} as part of the constraint and first stumbles
     * on {@code insert}, line 7, column 5.
     */
    static final String BAD_DRL = """
            package demo;

            import com.deleverage.engine.risk.AccountRisk;
            import com.deleverage.engine.action.MarginCall;

            rule "Broken" when $a : AccountRisk( marginRatio >= then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
            end
            """;

    static final String GOOD_DRL = """
            package demo;

            import com.deleverage.engine.risk.AccountRisk;
            import com.deleverage.engine.action.MarginCall;

            rule "Warn early"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= 0.8B )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
            end
            """;

    static final String SYNTAX_ERROR_LINE =
            "bad.drl:7:5: ERROR DRL_SYNTAX syntax error: mismatched input 'insert' in rule \"Broken\"";

    @TempDir
    Path temp;

    Path broken() {
        return PolicyCli.write(temp.resolve("broken"), Map.of("bad.drl", BAD_DRL, "good.drl", GOOD_DRL));
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsLocationAndExitStatusOne() {
        Run run = PolicyCli.run("check", broken().toString());

        assertThat(run.outLines()).containsExactly(SYNTAX_ERROR_LINE, "1 error, 0 warnings");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aWarningAboutTheWholeVersionHasNoLocationAndExitsZero() {
        Path folder = PolicyCli.write(temp.resolve("no-scenarios"), Map.of("good.drl", GOOD_DRL));

        Run run = PolicyCli.run("check", folder.toString());

        assertThat(run.outLines()).containsExactly(
                "WARNING NO_SCENARIOS the version has no scenarios/*.yaml: nothing shows what its rules decide",
                "0 errors, 1 warning");
        assertThat(run.exitCode()).isEqualTo(0);
    }

    @Test
    void aCleanFolderHasNoFindings() {
        Run run = PolicyCli.run("check", PolicyCli.resource("test-policies/margin").toString());

        assertThat(run.outLines()).containsExactly("0 errors, 0 warnings");
        assertThat(run.exitCode()).isEqualTo(0);
    }

    @Test
    void jsonHasTheApiFindingFields() throws Exception {
        Run run = PolicyCli.run("check", broken().toString(), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("warnings").asInt()).isEqualTo(0);
        assertThat(json.get("findings")).hasSize(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("DRL_SYNTAX");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("file").asText()).isEqualTo("bad.drl");
        assertThat(finding.get("line").asInt()).isEqualTo(7);
        assertThat(finding.get("column").asInt()).isEqualTo(5);
        assertThat(finding.get("rule").asText()).isEqualTo("Broken");
        assertThat(finding.get("message").asText()).isEqualTo("syntax error: mismatched input 'insert' in rule \"Broken\"");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void junitHasOneTestCasePerFileAndAFailurePerError() {
        Path folder = broken();

        Run run = PolicyCli.run("check", folder.toString(), "--format", "junit");

        String failure = "bad.drl:7:5: ERROR DRL_SYNTAX syntax error: mismatched input &apos;insert&apos; in rule &quot;Broken&quot;";
        assertThat(run.out()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="policy check %s" tests="2" failures="1" errors="0" skipped="0">
                  <testcase classname="policy" name="bad.drl">
                    <failure type="DRL_SYNTAX" message="%s">%s</failure>
                  </testcase>
                  <testcase classname="policy" name="good.drl"/>
                </testsuite>
                """.formatted(folder, failure, failure) + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingFolderIsABadOption() {
        Run run = PolicyCli.run("check", temp.resolve("nope").toString());

        assertThat(run.err()).startsWith("DIR " + temp.resolve("nope") + ": no such folder");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void withoutASubcommandItSaysWhichThereAre() {
        Run run = PolicyCli.run();

        assertThat(run.err()).startsWith("name a subcommand: check, test, diff, stage or fetch");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
