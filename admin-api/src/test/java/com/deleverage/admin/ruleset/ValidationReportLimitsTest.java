package com.deleverage.admin.ruleset;

import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportLimitsTest {
    private final ValidationReportLimits limits = new ValidationReportLimits(3, 20);

    @Test
    void theFirstFindingsAreKeptAndTheRestCountedInOne() {
        List<Finding> findings = IntStream.range(0, 10)
                .mapToObj(i -> new Finding("DRL_SYNTAX", i % 2 == 0 ? Severity.ERROR : Severity.WARNING, "f" + i + ".drl",
                        i + 1, 1, null, "problem " + i))
                .toList();

        List<Finding> capped = limits.cap(findings);

        assertThat(capped).hasSize(4);
        assertThat(capped.subList(0, 3)).isEqualTo(findings.subList(0, 3));
        assertThat(capped.get(3)).isEqualTo(new Finding("FINDINGS_OMITTED", Severity.INFO, null, 0, 0, null,
                "7 more findings omitted (3 of them errors): a report holds the first 3 "
                        + "(deleveraging.limits.max-findings); fix these and stage again to see the next ones"));
    }

    @Test
    void longTextsAreCutToTheirLimits() {
        Finding huge = new Finding("COMPILE_ERROR", Severity.ERROR, "x".repeat(600), 1, 1, "r".repeat(10_000),
                "m".repeat(100_000));

        Finding cut = limits.cap(List.of(huge)).get(0);

        assertThat(cut.message()).isEqualTo("m".repeat(19) + "…");
        assertThat(cut.file()).hasSize(512).endsWith("x…");
        assertThat(cut.rule()).hasSize(512);
        assertThat(limits.cap(List.of())).isEmpty();
    }
}
