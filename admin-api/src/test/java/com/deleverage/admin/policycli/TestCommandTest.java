package com.deleverage.admin.policycli;

import com.deleverage.admin.policycli.PolicyCli.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code policy test} on a two-rule folder written here: "Warn early" fires in both scenarios, "Warn at 1000x"
 * in none; the first scenario's expectation holds, the second expects a margin call for a healthy account.
 */
class TestCommandTest {
    static final String DRL = """
            package demo;

            import com.deleverage.engine.risk.AccountRisk;
            import com.deleverage.engine.action.MarginCall;

            rule "Warn early"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= 0.8B )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
            end

            rule "Warn at 1000x"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= 1000B )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "far too late"));
            end
            """;

    /** Both at mark 100000 on one 0.4% tier: 0.4 x 100000 = 40000 notional, maintenance margin 160. */
    static final String SCENARIOS = """
            # long 0.4 @ 102000 with 1000: equity = 1000 - 0.4 x 2000 = 200, ratio = 160 / 200 = 0.8
            name: An account at 80% gets a margin call
            given:
              asOf: 2025-10-10T21:15:00Z
              markets:
                - symbol: BTCUSDT
                  markPrice: "100000"
                  riskTiers:
                    - {notionalFloor: "0", notionalCap: "50000", maintenanceMarginRate: "0.004", maintenanceAmount: "0", maxLeverage: 125}
              accounts:
                - id: acct-2
                  walletBalance: "1000"
                  marginMode: CROSS
                  positions: [{symbol: BTCUSDT, quantity: "0.4", entryPrice: "102000", leverage: 50}]
            expect:
              exhaustive: true
              actions:
                - {type: MARGIN_CALL, account: acct-2, marginRatio: "0.8"}
            ---
            # long 0.4 @ 90000 with 1000: equity = 1000 + 0.4 x 10000 = 5000, ratio = 160 / 5000 = 0.032: no action
            name: A healthy account is wrongly expected to get a margin call
            given:
              asOf: 2025-10-10T21:15:00Z
              markets:
                - symbol: BTCUSDT
                  markPrice: "100000"
                  riskTiers:
                    - {notionalFloor: "0", notionalCap: "50000", maintenanceMarginRate: "0.004", maintenanceAmount: "0", maxLeverage: 125}
              accounts:
                - id: acct-9
                  walletBalance: "1000"
                  marginMode: CROSS
                  positions: [{symbol: BTCUSDT, quantity: "0.4", entryPrice: "90000", leverage: 50}]
            expect:
              actions:
                - {type: MARGIN_CALL, account: acct-9}
            """;

    @TempDir
    Path temp;

    Path folder() {
        return PolicyCli.write(temp.resolve("two-rules"), Map.of("margin.drl", DRL, "scenarios/margin.yaml", SCENARIOS));
    }

    @Test
    void printsEachScenarioAndTheRulesNoScenarioFired() {
        Run run = PolicyCli.run("test", folder().toString());

        assertThat(run.outLines()).containsExactly(
                "PASS scenarios/margin.yaml:2 An account at 80% gets a margin call",
                "FAIL scenarios/margin.yaml:21 A healthy account is wrongly expected to get a margin call",
                "    expected an action like {type=MARGIN_CALL, account=acct-9}; the decision's actions: none",
                "2 scenarios: 1 passed, 1 failed",
                "coverage: 1 of 2 rules fired (50.0%)",
                "never fired: \"Warn at 1000x\" margin.drl:13");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void passingScenariosExitZero() {
        Path folder = PolicyCli.write(temp.resolve("passing"),
                Map.of("margin.drl", DRL, "scenarios/margin.yaml", SCENARIOS.substring(0, SCENARIOS.indexOf("---"))));

        Run run = PolicyCli.run("test", folder.toString());

        assertThat(run.outLines()).containsExactly(
                "PASS scenarios/margin.yaml:2 An account at 80% gets a margin call",
                "1 scenario: 1 passed, 0 failed",
                "coverage: 1 of 2 rules fired (50.0%)",
                "never fired: \"Warn at 1000x\" margin.drl:13");
        assertThat(run.exitCode()).isEqualTo(0);
    }

    @Test
    void jsonHasEachScenarioAndTheCoverage() throws Exception {
        Run run = PolicyCli.run("test", folder().toString(), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("passed").asInt()).isEqualTo(1);
        assertThat(json.get("failed").asInt()).isEqualTo(1);
        JsonNode second = json.get("scenarios").get(1);
        assertThat(second.get("file").asText()).isEqualTo("scenarios/margin.yaml");
        assertThat(second.get("line").asInt()).isEqualTo(21);
        assertThat(second.get("passed").asBoolean()).isFalse();
        assertThat(second.get("failures")).hasSize(1);
        assertThat(json.get("scenarios").get(0).get("firedRules").toString()).isEqualTo("[\"Warn early\"]");
        assertThat(json.get("coverage").toString()).isEqualTo(
                "{\"rules\":2,\"fired\":1,\"neverFired\":[{\"rule\":\"Warn at 1000x\",\"file\":\"margin.drl\",\"line\":13}]}");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void junitHasOneTestCasePerScenario() {
        Path folder = folder();

        Run run = PolicyCli.run("test", folder.toString(), "--format", "junit");

        String failure = "expected an action like {type=MARGIN_CALL, account=acct-9}; the decision&apos;s actions: none";
        assertThat(run.out()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="policy test %s" tests="2" failures="1" errors="0" skipped="0">
                  <testcase classname="scenarios/margin.yaml" name="An account at 80%% gets a margin call"/>
                  <testcase classname="scenarios/margin.yaml" name="A healthy account is wrongly expected to get a margin call">
                    <failure type="SCENARIO_FAILED" message="%s">%s</failure>
                  </testcase>
                </testsuite>
                """.formatted(folder, failure, failure) + System.lineSeparator());
    }

    @Test
    void aFolderThatDoesNotCompileRunsNothingAndPrintsItsErrors() {
        Path folder = PolicyCli.write(temp.resolve("broken"),
                Map.of("bad.drl", CheckCommandTest.BAD_DRL, "scenarios/margin.yaml", SCENARIOS));

        Run run = PolicyCli.run("test", folder.toString());

        assertThat(run.outLines()).containsExactly(CheckCommandTest.SYNTAX_ERROR_LINE, "1 error, 0 warnings");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
