package com.deleverage.engine.lint;

import com.deleverage.engine.compile.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PolicyLinterTest {
    private final PolicyLinter linter = new PolicyLinter();

    private List<Finding> lint(String drl) {
        return linter.lint(Map.of("p.drl", drl));
    }

    @Test
    void thePlatformsTypesAndValueTypesMayBeImported() {
        assertThat(lint("""
                package p;
                import com.deleverage.engine.risk.PositionRisk;
                import com.deleverage.engine.action.*;
                import static com.deleverage.engine.math.TierTable.maintenanceMargin;
                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.List;
                """)).isEmpty();
    }

    @Test
    void importsThatReachOutsideThePolicyAreRefused() {
        assertThat(lint("""
                package p;
                import java.io.File;
                import java.util.concurrent.Executors;
                import org.slf4j.LoggerFactory;
                global java.net.http.HttpClient http;
                """)).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(
                        tuple("FORBIDDEN_IMPORT", 2, 8),
                        tuple("FORBIDDEN_IMPORT", 3, 8),
                        tuple("FORBIDDEN_IMPORT", 4, 8),
                        tuple("FORBIDDEN_IMPORT", 5, 8));
    }

    @Test
    void forbiddenCallsAreFoundInRulesAndFunctionsWithTheirRule() {
        List<Finding> findings = lint("""
                package p;
                function void spawn() {
                    new Thread(() -> {}).start();
                }
                rule "Sneaky"
                when
                then
                    java.nio.file.Files.delete(null);
                    "x".getClass();
                end
                """);

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::column, Finding::rule).containsExactly(
                tuple("FORBIDDEN_API", 3, 9, null),
                tuple("FORBIDDEN_API", 9, 9, "Sneaky"),
                tuple("FORBIDDEN_API", 8, 5, "Sneaky"));
    }

    @Test
    void oneForbiddenStatementIsOneFindingAndOwnNamesAreNotCalls() {
        assertThat(lint("""
                package p;
                function boolean exit(int code) { return code > 0; }
                rule "Exit"
                when
                then
                    System.exit(1);
                    boolean invoke = exit(2);
                end
                """)).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("FORBIDDEN_API", 6, 5));
    }

    @Test
    void wordsInCommentsAndStringsAreNotCode() {
        assertThat(lint("""
                package p;
                // System.exit would stop the venue; we never call it.
                /* Runtime, Thread, java.io.File */
                rule "System halt is a circuit breaker, not a call"
                when
                then
                    String reason = "Thread of System.exit \\" java.io.File";
                end
                """)).isEmpty();
    }

    @Test
    void unicodeEscapesThatCouldHideCodeAreRefused() {
        assertThat(lint("""
                package p;
                rule "Hidden"
                when
                then
                    \\u0053ystem.exit(0);
                end
                """)).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("FORBIDDEN_API", 5, 17), tuple("FORBIDDEN_API", 5, 5)); // ".exit(", then the escape
    }

    @Test
    void fractionalLiteralsWithoutTheDecimalSuffixAreFlaggedAsWarnings() {
        assertThat(lint("""
                package p;
                import com.deleverage.engine.risk.AccountRisk;
                rule "Warn"
                when
                    AccountRisk( marginRatio >= 0.8, marginRatio < 1.0B, riskRank <= 10 )
                then
                end
                """)).extracting(Finding::code, Finding::severity, Finding::line, Finding::column)
                .containsExactly(tuple("IMPRECISE_DECIMAL", com.deleverage.engine.compile.Severity.WARNING, 5, 33));
    }
}
