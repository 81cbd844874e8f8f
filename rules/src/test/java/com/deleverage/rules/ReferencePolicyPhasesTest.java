package com.deleverage.rules;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.parameters.ParameterTable;
import com.deleverage.engine.phase.PhaseInlining;
import com.deleverage.engine.policy.PolicyFiles;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.accessor.Salience;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference policy says where each rule runs by a named phase, and naming the phases changed no rule: the
 * compiled saliences are the ones the policy had when it wrote numbers, and the phase table of
 * docs/reference-policy.md lists every phase with its number, in firing order.
 */
class ReferencePolicyPhasesTest {
    private static final Path POLICY = Path.of("deleveraging");
    private static final Pattern SALIENCE = Pattern.compile("(?m)^\\s*salience\\s+(.*?)\\s*(//.*)?$");
    /** A row of the phase table: | `NAME` ... | 1,000,000,000 ... | */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)`[^|]*\\| ([0-9,]+)[^|]*\\|");

    /**
     * Every rule's salience as the reference policy wrote it before it had phases (commit 5d0e84a, read with
     * grep -n salience rules/deleveraging/*.drl), and the generated parameters rule's.
     */
    private static final Map<String, String> SALIENCE_BEFORE_PHASES = Map.ofEntries(
            Map.entry(ParameterTable.RULE, "1000000000"),
            Map.entry("Show the ADL lights of a market", "840000000"),
            Map.entry("Build the ADL book of a market side", "840000000"),
            Map.entry("Auto-deleverage against the opposite ADL queue", "( 300000000 - $c.riskRank )"),
            Map.entry("Classify the circuit-breaker level of a market", "800000000"),
            Map.entry("Halt trading for the breaker's duration", "650000000"),
            Map.entry("Halt trading for the rest of the session", "650000000"),
            // renamed from "Reduce-only after a large move that halts nothing" when it stopped acting on rises
            Map.entry("Reduce-only after a large decline that halts nothing", "650000000"),
            // new with the breaker sessions (issue 16, behaviour 7), in the phase of the stateless classification
            Map.entry("Classify the circuit-breaker level of a market from its session's reference price", "800000000"),
            Map.entry("Quote the funding rate of a market", "800000000"),
            Map.entry("Set the funding rate", "600000000"),
            Map.entry("Set the funding rate at its cap", "600000000"),
            Map.entry("Open the insurance fund ledger of a market", "900000000"),
            Map.entry("A market without an insurance fund has an empty ledger", "900000000"),
            Map.entry("Open the closeout of a position taken over at its bankruptcy price", "400000000"),
            Map.entry("Credit a liquidation surplus to the fund", "390000000"),
            Map.entry("Credit a liquidation fee to the fund", "390000000"),
            Map.entry("Drawdown ADL mode starts at the trigger", "350000000"),
            Map.entry("Drawdown ADL mode stops under the stop threshold", "350000000"),
            Map.entry("Queue the deficits of a market, riskiest first", "360000000"),
            Map.entry("Route a deficit to the insurance fund", "( 300000000 - $c.riskRank )"),
            Map.entry("Route a deficit to ADL: the fund cannot cover it", "( 300000000 - $c.riskRank )"),
            Map.entry("Route a deficit to ADL: the fund is in drawdown", "( 300000000 - $c.riskRank )"),
            Map.entry("Draw a deficit from the insurance fund", "( 300000000 - $c.riskRank )"),
            Map.entry("The insurance fund pays what ADL could not place", "( 300000000 - $c.riskRank )"),
            Map.entry("The insurance fund pays what no one else could, past its balance", "( 300000000 - $c.riskRank )"),
            Map.entry("Plan a partial down-tier liquidation", "700000000"),
            Map.entry("Plan a full liquidation: take over the weakest position at its bankruptcy price", "690000000"),
            Map.entry("Plan a full liquidation: close the other positions of a cross account at the mark", "690000000"),
            Map.entry("Plan a slice of a large liquidation", "680000000"),
            Map.entry("Slice the other positions of a sliced cross account in proportion", "680000000"),
            Map.entry("Liquidate, riskiest account first", "( 500000000 - $plan.riskRank )"),
            Map.entry("Hold a sliced position reduce-only during the cool-down", "( 460000000 - $plan.riskRank )"),
            Map.entry("Margin call", "( 450000000 - $class.riskRank )"),
            Map.entry("Margin pool of a cross account", "900000000"),
            Map.entry("Margin pool of an isolated position", "900000000"),
            Map.entry("Classify a pool: margin warning", "890000000"),
            Map.entry("Classify a pool: liquidatable", "890000000"),
            Map.entry("Classify a pool: bankrupt", "890000000"),
            Map.entry("Classify open-interest pressure", "800000000"),
            Map.entry("Open-interest pressure cuts leverage", "790000000"),
            Map.entry("A market at its open-interest cap is reduce-only", "600000000"),
            Map.entry("Watch accounts from the margin-call ratio", "1000000000"),
            Map.entry("Scale maintenance margin by the strictest requirement", "600000000"),
            Map.entry("Cut max leverage to the strictest requirement", "600000000"),
            Map.entry("Socialise the remaining loss pro rata to the winners' profits", "( 300000000 - $c.riskRank )"),
            Map.entry("Classify a volatility spike: 1-hour price move", "800000000"),
            Map.entry("Classify a volatility spike: 1-hour realised volatility", "799000000"),
            Map.entry("A volatility spike raises maintenance margin and cuts leverage", "790000000"));

    @Test
    void everySalienceNamesAPhase() throws IOException {
        try (var files = Files.list(POLICY)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher salience = SALIENCE.matcher(Files.readString(file));
                while (salience.find()) {
                    assertThat(salience.group(1)).as(file + ": " + salience.group()).matches(
                            "Phase\\.[A-Z_]+|\\( Phase\\.[A-Z_]+ - \\$\\w+\\.riskRank \\)");
                }
            }
        }
    }

    @Test
    void everyRuleKeepsTheSalienceItHadBeforeThePhasesHadNames() {
        Compilation compilation = new RuleSetCompiler().compile("deleveraging", 1, PolicyFiles.fromDirectory(POLICY));
        assertThat(compilation.findings()).isEmpty();

        Map<String, String> compiled = new HashMap<>();
        compilation.compiled().kieBase().getKiePackages().forEach(pkg -> pkg.getRules().forEach(rule -> {
            Salience salience = ((RuleImpl) rule).getSalience();
            // a fixed salience is a number, as before; a ranked one the same expression, give or take the spaces
            // that keep the inlined number as long as the name it replaced
            compiled.put(rule.getName(), salience.isDynamic() ? salience.toString().trim().replaceAll("\\s+", " ")
                    : Integer.toString(salience.getValue()));
        }));
        assertThat(compiled).isEqualTo(SALIENCE_BEFORE_PHASES);
    }

    @Test
    void theReferencePageListsEveryPhaseWithItsNumberInFiringOrder() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "reference-policy.md"));
        String section = page.substring(page.indexOf("\n## Phases"));
        Matcher rows = ROW.matcher(section.substring(0, section.indexOf("\n## ", 1)));
        Map<String, Integer> documented = new LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), Integer.parseInt(rows.group(2).replace(",", "")));
        }

        assertThat(documented).isEqualTo(PhaseInlining.values());
        List<Integer> order = List.copyOf(documented.values());
        assertThat(order).isSortedAccordingTo(Comparator.reverseOrder());
    }
}
