package com.deleverage.engine.sandbox;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fuel of a policy is per rule firing: two firings that each loop 600 times fit a tank of 1,000; one
 * firing that loops 1,200 times does not. Facts and text are counted the same way, per evaluation.
 */
class MeteringTest {
    private static final Snapshot EMPTY = new Snapshot("metering", Instant.parse("2025-10-10T21:15:00Z"),
            List.of(), List.of(), List.of());
    private static final EvaluationLimits SMALL = new EvaluationLimits(1_000, Duration.ofSeconds(10),
            new SandboxLimits(1_000, 1_000_000, 10, 100, 100));

    private static String loopingPolicy(int iterations) {
        return """
                package metering;
                import com.deleverage.engine.evaluate.EvaluationContext;

                rule "Two facts"
                when
                    EvaluationContext()
                then
                    insert(Integer.valueOf(1));
                    insert(Integer.valueOf(2));
                end

                rule "Loop once per fact"
                when
                    Integer()
                then
                    long n = 0;
                    for (int i = 0; i < %d; i++) { n += i; }
                end
                """.formatted(iterations);
    }

    private static Decision evaluate(String drl) {
        Compilation compilation = new RuleSetCompiler().compile("metering", 1, Map.of("p.drl", drl));
        assertThat(compilation.findings()).isEmpty();
        try {
            return new Evaluator(SMALL).evaluate(compilation.compiled(), EMPTY);
        } finally {
            compilation.compiled().retire();
        }
    }

    @Test
    void eachFiringGetsAFullTank() {
        Decision decision = evaluate(loopingPolicy(600));

        assertThat(decision.ruleFirings()).isEqualTo(3);
    }

    @Test
    void oneFiringPastItsTankEndsTheEvaluationNamingTheRule() {
        assertThatThrownBy(() -> evaluate(loopingPolicy(1_200)))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.EVALUATION_LIMIT);
                    assertThat(e.rule()).isEqualTo("Loop once per fact");
                    assertThat(e.getMessage()).isEqualTo("FUEL limit in rule \"Loop once per fact\": policy code ran "
                            + "more than 1000 loop iterations in one rule firing");
                });
    }

    @Test
    void theEvaluationAsAWholeHasATankToo() {
        Compilation compilation = new RuleSetCompiler().compile("metering", 1, Map.of("p.drl", loopingPolicy(600)));
        EvaluationLimits tightEvaluation = new EvaluationLimits(1_000, Duration.ofSeconds(10),
                new SandboxLimits(1_000, 1_000, 10, 100, 100));
        try {
            // Two inserts and the first firing's 600 iterations fit in 1,000; the second firing's 600 do not.
            assertThatThrownBy(() -> new Evaluator(tightEvaluation).evaluate(compilation.compiled(), EMPTY))
                    .isInstanceOfSatisfying(EvaluationFailedException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("FUEL limit in rule \"Loop once per fact\": policy code ran more than 1000 "
                                    + "loop iterations in one evaluation"));
        } finally {
            compilation.compiled().retire();
        }
    }

    @Test
    void theEleventhInsertedFactPassesTheFactLimit() {
        String drl = """
                package metering;
                import com.deleverage.engine.evaluate.EvaluationContext;

                rule "Flood"
                when
                    EvaluationContext()
                then
                    for (int i = 0; i < 11; i++) { insert(Integer.valueOf(i)); }
                end
                """;

        assertThatThrownBy(() -> evaluate(drl))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("FACTS limit in rule \"Flood\": the policy inserted more than 10 facts in one evaluation"));
    }

    @Test
    void aStringPastTheTextLimitIsRefusedBeforeItGrowsFurther() {
        String drl = """
                package metering;
                import com.deleverage.engine.evaluate.EvaluationContext;

                rule "Grow"
                when
                    EvaluationContext()
                then
                    String s = "0123456789";
                    for (int i = 0; i < 5; i++) { s = s + s; }
                end
                """;

        // 10, 20, 40, 80 characters fit; the fourth doubling makes 160 > 100.
        assertThatThrownBy(() -> evaluate(drl))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("TEXT limit in rule \"Grow\": policy code built a string longer than 100 characters"));
    }
}
