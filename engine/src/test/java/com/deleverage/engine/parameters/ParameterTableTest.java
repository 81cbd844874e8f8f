package com.deleverage.engine.parameters;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.parameters.ParameterTable.Change;
import com.deleverage.engine.risk.AccountWatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * parameters.yaml as a policy's parameters table: values reach the rules exactly as written, every mistake is
 * one finding at its line, and nothing but a literal of the declared type becomes code.
 */
class ParameterTableTest {
    // The declaration a policy makes; "Watch" reads a value back out of the session as the AccountWatch the
    // compiled version reports, so a test sees what the rules see.
    static final String DECLARATION = """
            package p;
            import java.math.BigDecimal;
            import com.deleverage.engine.math.AdlRanking;
            import com.deleverage.engine.risk.AccountWatch;
            declare PolicyParameters
                marginCallRatio : BigDecimal
                sliceCooldownSeconds : int
                adlOnFundDrawdown : boolean
                adlRanking : AdlRanking
            end
            rule "Watch"
            when
                $p : PolicyParameters( sliceCooldownSeconds == 30, adlOnFundDrawdown, adlRanking == AdlRanking.BINANCE )
            then
                insertLogical(new AccountWatch($p.getMarginCallRatio()));
            end
            """;
    static final String PARAMETERS = """
            # margin
            marginCallRatio: 0.80
            sliceCooldownSeconds: 30   # seconds

            adlOnFundDrawdown: true
            adlRanking: BINANCE
            """;

    @Test
    void theValuesWrittenAreTheValuesTheRulesSee() {
        Compilation compilation = compile(PARAMETERS);

        assertThat(compilation.findings()).isEmpty();
        // The Watch rule fires only if the int, boolean and enum arrived as written; the decimal keeps its scale.
        assertThat(compilation.compiled().accountWatch()).contains(new AccountWatch(new BigDecimal("0.80")));
        assertThat(compilation.compiled().ruleNames()).containsExactlyInAnyOrder("Watch", ParameterTable.RULE);
        assertThat(compilation.compiled().fileOf(ParameterTable.RULE)).isEqualTo(ParameterTable.FILE);
        compilation.compiled().retire();
    }

    @Test
    void aMisspeltNameIsOneFindingAtItsLineWithTheNameMeant() {
        assertThat(compile(PARAMETERS.replace("sliceCooldownSeconds: 30", "sliceCoolDownSecs: 30")).findings())
                .containsExactlyInAnyOrder(
                        new Finding("PARAMETER_UNKNOWN", com.deleverage.engine.compile.Severity.ERROR, "parameters.yaml", 3, 0,
                                null, "'sliceCoolDownSecs' is not a field of PolicyParameters (policy.drl:5); did you mean 'sliceCooldownSeconds'?"),
                        new Finding("PARAMETER_MISSING", com.deleverage.engine.compile.Severity.ERROR, "parameters.yaml", 0, 0,
                                null, "'sliceCooldownSeconds' (policy.drl:7) has no value: add a line 'sliceCooldownSeconds: ...' with a whole number (int, -2147483648 to 2147483647)"));
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithWhatIsExpected() {
        assertThat(messages(PARAMETERS.replace("30   #", "30.5 #"))).containsExactly(
                "parameters.yaml:3 PARAMETER_INVALID 'sliceCooldownSeconds' must be a whole number (int, -2147483648 to 2147483647), not '30.5'");
        assertThat(messages(PARAMETERS.replace("BINANCE", "BYBIT"))).containsExactly(
                "parameters.yaml:6 PARAMETER_INVALID 'adlRanking' must be one of BITMEX, BINANCE, HYPERLIQUID, not 'BYBIT'");
        assertThat(messages(PARAMETERS.replace("true", "yes please"))).containsExactly(
                "parameters.yaml:5 PARAMETER_INVALID 'adlOnFundDrawdown' must be true or false, not 'yes please'");
        assertThat(messages(PARAMETERS.replace("0.80", "8E-1"))).containsExactly(
                "parameters.yaml:2 PARAMETER_INVALID 'marginCallRatio' must be a decimal in plain notation such as 0.8 or 1000000, not '8E-1'");
        assertThat(messages(PARAMETERS.replace("30   #", "2147483648 #"))).hasSize(1);
    }

    @Test
    void codeInAValueIsNeverCode() {
        assertThat(messages(PARAMETERS.replace("0.80", "'0.8\"); System.exit(3); //'"))).containsExactly(
                "parameters.yaml:2 PARAMETER_INVALID 'marginCallRatio' must be a decimal in plain notation such as 0.8 or 1000000, not '0.8\"); System.exit(3); //'");
        assertThat(messages(PARAMETERS.replace("BINANCE", "valueOf(\"BINANCE\")"))).hasSize(1);
    }

    @Test
    void aFileThatIsNotAFlatTableIsRefusedAtTheLine() {
        assertThat(messages(PARAMETERS + "marginCallRatio: 0.7\n")).containsExactly(
                "parameters.yaml:7 PARAMETER_INVALID 'marginCallRatio' is given twice (first on line 2)");
        assertThat(messages(PARAMETERS.replace("adlRanking: BINANCE", "adlRanking: [BINANCE]"))).containsExactly(
                "parameters.yaml:6 PARAMETER_INVALID 'adlRanking' must have one value on its own line, not a list or a mapping",
                "parameters.yaml:0 PARAMETER_MISSING 'adlRanking' (policy.drl:9) has no value: add a line 'adlRanking: ...' with one of BITMEX, BINANCE, HYPERLIQUID");
        assertThat(messages("- 0.8\n")).first().asString().startsWith("parameters.yaml:1 PARAMETER_INVALID parameters.yaml must be a mapping");
    }

    @Test
    void valuesWithoutADeclarationAreRefused() {
        Compilation compilation = new RuleSetCompiler().compile("p", 1, Map.of(
                "policy.drl", "package p;\nrule \"r\" when then end\n", ParameterTable.FILE, PARAMETERS));

        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.findings()).extracting(Finding::code).containsExactly("PARAMETER_INVALID");
        assertThat(compilation.findings().getFirst().message())
                .isEqualTo("parameters.yaml gives values, but no .drl file declares them: add 'declare PolicyParameters' with a field per parameter");
    }

    @Test
    void aVariantReplacesOnlyTheValuesItGives() {
        String variant = """
                # the variant
                adlRanking: BITMEX   # ranked as BitMEX does
                marginCallRatio: 0.75
                """;

        assertThat(ParameterTable.override(PARAMETERS, variant)).isEqualTo("""
                # margin
                marginCallRatio: 0.75
                sliceCooldownSeconds: 30   # seconds

                adlOnFundDrawdown: true
                adlRanking: BITMEX   # ranked as BitMEX does
                """);
        assertThat(ParameterTable.override(PARAMETERS, "newOne: 1\n")).endsWith("adlRanking: BINANCE\nnewOne: 1\n");
        assertThatThrownBy(() -> ParameterTable.override(PARAMETERS, "a: [1]\n"))
                .hasMessage("the variant parameters.yaml is not a parameters table: line 1: 'a' must have one value on its own line, not a list or a mapping");
    }

    @Test
    void theChangesBetweenTwoTablesAreTheValuesThatMoved() {
        String after = PARAMETERS.replace("0.80", "0.75").replace("adlOnFundDrawdown: true\n", "") + "newOne: 1\n";

        assertThat(ParameterTable.changes(PARAMETERS, after)).containsExactly(
                new Change("marginCallRatio", "0.80", "0.75"),
                new Change("newOne", null, "1"),
                new Change("adlOnFundDrawdown", "true", null));
        assertThat(ParameterTable.changes(PARAMETERS, PARAMETERS.replace("# margin", "# margins"))).isEmpty();
    }

    private static Compilation compile(String parameters) {
        return new RuleSetCompiler().compile("p", 1, Map.of("policy.drl", DECLARATION, ParameterTable.FILE, parameters));
    }

    private static List<String> messages(String parameters) {
        Compilation compilation = compile(parameters);
        compilation.compiledVersion().ifPresent(c -> c.retire());
        return compilation.findings().stream().map(f -> f.file() + ":" + f.line() + " " + f.code() + " " + f.message()).toList();
    }
}
