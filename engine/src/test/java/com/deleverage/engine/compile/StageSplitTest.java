package com.deleverage.engine.compile;

import com.deleverage.engine.policy.PolicyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version's stages: each its own knowledge base of one stage's rules and the untagged ones, built once. */
class StageSplitTest {
    static final Map<String, String> REFERENCE = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
    static final Set<String> BOTH = Set.of("Policy parameters", "Watch accounts from the margin-call ratio");
    static final Set<String> ACCOUNT_RULES = Set.of(
            "Margin pool of a cross account", "Margin pool of an isolated position", "Classify a pool: margin warning",
            "Classify a pool: liquidatable", "Classify a pool: bankrupt",
            "Plan a partial down-tier liquidation",
            "Plan a full liquidation: take over the weakest position at its bankruptcy price",
            "Plan a full liquidation: close the other positions of a cross account at the mark",
            "Plan a slice of a large liquidation", "Slice the other positions of a sliced cross account in proportion",
            "Liquidate, riskiest account first", "Hold a sliced position reduce-only during the cool-down",
            "Margin call");

    static CompiledVersion compile(Map<String, String> files) {
        return new RuleSetCompiler().compile("deleveraging", 1, files).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the policy does not compile"));
    }

    @Test
    void eachStageHoldsItsOwnRulesAndTheUntaggedOnes() {
        CompiledVersion version = compile(REFERENCE);
        CompiledVersion account = version.stage(Stage.ACCOUNT);
        CompiledVersion market = version.stage(Stage.MARKET);

        assertThat(version.stageable()).isTrue();
        assertThat(account.ruleNames()).containsExactlyInAnyOrderElementsOf(union(ACCOUNT_RULES, BOTH));
        // 14 insurance-fund, 2 adl-ranking, 1 auto-deleveraging, 1 socialized-loss, 5 circuit-breakers,
        // 3 volatility, 3 open-interest, 2 risk-limits, 3 funding
        assertThat(market.ruleNames()).hasSize(34 + 2).containsAll(BOTH).doesNotContainAnyElementsOf(ACCOUNT_RULES);
        assertThat(version.ruleNames()).hasSize(13 + 34 + 2);
        assertThat(version.stageOf("Margin call")).contains(Stage.ACCOUNT);
        assertThat(version.stageOf("Queue the deficits of a market, riskiest first")).contains(Stage.MARKET);
        assertThat(version.stageOf("Policy parameters")).isEmpty();
        assertThat(account.handoverTypes()).extracting(t -> t.getSimpleName())
                .containsExactlyInAnyOrder("LiquidationPlan", "RiskClass");
        assertThat(account.fileOf("Margin call")).as("rules keep their files").isEqualTo("margin-calls.drl");
        assertThat(account.version()).isEqualTo(version.version());
    }

    @Test
    void aStageIsBuiltOnceAndDisposedWithItsVersion() {
        CompiledVersion version = compile(REFERENCE);
        CompiledVersion market = version.stage(Stage.MARKET);

        assertThat(version.stage(Stage.MARKET)).isSameAs(market);
        version.retire();
        assertThat(market.isDisposed()).isTrue();
        assertThatThrownBy(() -> version.stage(Stage.ACCOUNT)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is disposed");
    }

    @Test
    void aVersionWithoutStageTagsIsNotStageable() {
        CompiledVersion plain = compile(Map.of("plain.drl", """
                package plain;
                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.action.MarginCall;
                rule "Warn"
                when
                    $a : AccountRisk( marginRatio >= 0.8B )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
                end
                """));

        assertThat(plain.stageable()).isFalse();
        assertThatThrownBy(() -> plain.stage(Stage.ACCOUNT)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("tags no rule with @stage: it is evaluated in one session only");
    }

    @Test
    void cuttingAStagesRulesKeepsEveryOtherLineWhereItWas() {
        String drl = String.join("\n",
                "package p;",
                "rule \"A\" @stage(\"account\")",
                "when",
                "then",
                "end",
                "rule \"M\" @stage(\"market\")",
                "when",
                "then",
                "end",
                "rule \"Both\"",
                "when",
                "then",
                "end");
        Map<String, String> tags = Map.of("A", "account", "M", "market");

        assertThat(StageSources.of(Map.of("p.drl", drl, "notes.md", "kept"), tags, Stage.MARKET)).isEqualTo(Map.of(
                "notes.md", "kept",
                "p.drl", String.join("\n", "package p;", "", "", "", "",
                        "rule \"M\" @stage(\"market\")", "when", "then", "end",
                        "rule \"Both\"", "when", "then", "end")));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
