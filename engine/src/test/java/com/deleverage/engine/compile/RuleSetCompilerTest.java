package com.deleverage.engine.compile;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.deleverage.engine.testing.Snapshots.drl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RuleSetCompilerTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    // drl() puts 4 header lines before the rules, so the rule keyword is on line 5.
    @Test
    void syntaxErrorIsReportedAtItsLineWithTheRuleName() {
        Compilation result = compiler.compile("t", 1, Map.of("rules/broken.drl", drl("""
                rule "Warn"
                when
                    AccountRisk( marginRatio >= 0.8B
                then
                end
                """)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.findings()).extracting(Finding::code, Finding::file, Finding::line, Finding::column, Finding::rule)
                .containsExactly(tuple("DRL_SYNTAX", "rules/broken.drl", 8, 1, "Warn"));
    }

    @Test
    void unknownFieldIsReportedAtItsLineAndColumn() {
        Compilation result = compiler.compile("t", 1, Map.of("a.drl", drl("""
                rule "First"
                when
                    AccountRisk( bankrupt )
                then
                end

                rule "Second"
                when
                    PositionRisk( marginRatioo >= 1 )
                then
                end
                """)));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("UNKNOWN_FIELD");
            assertThat(f.line()).isEqualTo(13);
            assertThat(f.column()).isEqualTo(19); // "    PositionRisk( " is 18 characters
            assertThat(f.rule()).isEqualTo("Second");
            assertThat(f.message()).isEqualTo("PositionRisk has no field 'marginRatioo' (see docs/reference/facts.md)");
        });
    }

    @Test
    void unknownTypeAndBadConsequenceAreNamed() {
        Compilation result = compiler.compile("t", 1, Map.of("a.drl", drl("""
                rule "Typo in type"
                when
                    PositionRsk( )
                then
                end
                """), "b.drl", drl("""
                rule "Typo in action"
                when
                    $a : AccountRisk( )
                then
                    insert(new MarginCal($a.accountId(), null, null, "x"));
                end
                """)));

        assertThat(result.findings()).extracting(Finding::code, Finding::file, Finding::line, Finding::column, Finding::rule)
                .containsExactlyInAnyOrder(
                        tuple("UNKNOWN_TYPE", "a.drl", 7, 5, "Typo in type"),
                        tuple("CONSEQUENCE_ERROR", "b.drl", 9, 16, "Typo in action"));
    }

    @Test
    void duplicateRuleNamesAcrossFilesAreAnError() {
        String rule = drl("""
                rule "Same"
                when
                    AccountRisk( )
                then
                end
                """);
        Compilation result = compiler.compile("t", 1, Map.of("a.drl", rule, "b.drl", rule));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.findings()).extracting(Finding::code, Finding::file, Finding::line)
                .containsExactly(tuple("DUPLICATE_RULE", "b.drl", 5));
    }

    @Test
    void aVersionWithoutRuleFilesIsRejected() {
        Compilation result = compiler.compile("t", 1, Map.of("scenarios/a.yaml", "name: x"));

        assertThat(result.findings()).extracting(Finding::code).containsExactly("NO_RULE_FILES");
    }

    @Test
    void aValidVersionCarriesItsHashAndKnowsEachRulesFile() {
        Map<String, String> files = Map.of("margin/calls.drl", drl("""
                rule "Warn"
                when
                    AccountRisk( marginRatio >= 0.8B )
                then
                end
                """));

        Compilation result = compiler.compile("deleveraging", 7, files);

        assertThat(result.succeeded()).isTrue();
        CompiledVersion compiled = result.compiled();
        assertThat(compiled.version()).isEqualTo(7);
        assertThat(compiled.hash()).isEqualTo(ContentHash.of(files)).startsWith("sha256:").hasSize(71);
        assertThat(compiled.fileOf("Warn")).isEqualTo("margin/calls.drl");
        assertThat(compiled.releaseId()).startsWith("com.deleverage.policies:deleveraging:7-");
        compiled.retire();
        assertThat(compiled.isDisposed()).isTrue();
    }
}
