package com.deleverage.rules;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.sandbox.SandboxLimits;
import com.deleverage.engine.validate.PolicyValidator;
import com.deleverage.engine.validate.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The red-team corpus of rules/examples/attacks: one DRL file per attack, its first line naming what must
 * stop it ({@code // expect: CODE | text the finding must contain}). Attacks on the platform's API are
 * REJECTED at staging with that finding and never run; attacks on its time and memory verify (they use
 * nothing forbidden) and end at their sandbox limit ({@code EVALUATION_LIMIT | FUEL}), or are refused by
 * the engine's own argument checks ({@code RULE_ERROR | message}), on a thread that is then free.
 */
class AttackCorpusTest {
    private static final Path CORPUS = Path.of("examples", "attacks");
    /**
     * The default sandbox, with a deadline far enough and a fact limit low enough that which limit stops an
     * attack does not depend on how busy the machine is (a million inserts take seconds on a shared core).
     */
    private static final Evaluator RUNTIME = new Evaluator(new EvaluationLimits(1_000_000, Duration.ofSeconds(60),
            new SandboxLimits(SandboxLimits.DEFAULT.fuelPerFiring(), SandboxLimits.DEFAULT.fuelPerEvaluation(), 10_000,
                    SandboxLimits.DEFAULT.maxTextLength(), SandboxLimits.DEFAULT.maxDecimalDigits())));
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final PolicyValidator validator = new PolicyValidator(compiler, new Evaluator());

    static Stream<String> attacks() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    /** A scenario file is data, but YAML aliases can make a few lines expand into billions of nodes. */
    @org.junit.jupiter.api.Test
    void aScenarioThatExpandsLikeABillionLaughsIsRefusedAsInvalid() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        String policy = "package attacks;\nrule \"quiet\"\nwhen\nthen\nend\n";

        ValidationReport report = validator.validate("attacks", 1,
                Map.of("attack.drl", policy, "scenarios/bomb.yaml", yaml.toString()));

        assertThat(report.accepted()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SCENARIO_INVALID");
            assertThat(f.file()).isEqualTo("scenarios/bomb.yaml");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsStoppedWithItsFinding(String file) throws IOException {
        String text = Files.readString(CORPUS.resolve(file));
        String[] expect = text.lines().findFirst().orElseThrow().replace("// expect:", "").split("\\|");
        String code = expect[0].trim();
        String fragment = expect[1].trim();
        Map<String, String> files = Map.of("attack.drl", text);

        if (code.equals("EVALUATION_LIMIT") || code.equals("RULE_ERROR")) {
            Compilation compilation = compiler.compile("attacks", 1, files);
            assertThat(compilation.findings()).as("%s verifies: it names nothing forbidden", file)
                    .noneMatch(Finding::isError);
            Snapshot empty = new Snapshot("attacks", Instant.parse("2025-10-10T21:15:00Z"), List.of(), List.of(), List.of());
            assertThatThrownBy(() -> RUNTIME.evaluate(compilation.compiled(), empty))
                    .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.valueOf(code));
                        assertThat(e.getMessage()).contains(code.equals("RULE_ERROR") ? fragment : fragment + " limit");
                    });
            compilation.compiled().retire();
            return;
        }
        // The sandbox alone stops it: the compiler (which every door uses) refuses it, whatever the lint says.
        Compilation compilation = compiler.compile("attacks", 1, files);
        assertThat(compilation.succeeded()).as("%s compiles", file).isFalse();
        assertThat(compilation.findings()).as("compile findings of %s", file)
                .anySatisfy(f -> {
                    assertThat(f.isError()).isTrue();
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.message()).contains(fragment);
                });
        ValidationReport report = validator.validate("attacks", 1, files);
        assertThat(report.accepted()).as("%s is rejected", file).isFalse();
        assertThat(report.findings()).as("findings of %s", file).anyMatch(f -> f.isError() && f.code().equals(code));
    }
}
