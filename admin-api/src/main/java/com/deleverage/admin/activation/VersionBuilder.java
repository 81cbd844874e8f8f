package com.deleverage.admin.activation;

import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.ruleset.ValidationReportLimits;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds a stored version into a compiled, warmed {@link CompiledVersion} ready to be swapped in: the
 * first session of a fresh knowledge base is slow, so one empty evaluation pays that price here rather
 * than in the first trading system's request.
 */
@Singleton
public class VersionBuilder {
    private final RuleSetRepository repository;
    private final RuleSetCompiler compiler;
    private final Evaluator evaluator;
    private final Clock clock;

    private final ValidationReportLimits reportLimits;

    public VersionBuilder(RuleSetRepository repository, RuleSetCompiler compiler, Evaluator evaluator, Clock clock,
                          ValidationReportLimits reportLimits) {
        this.reportLimits = reportLimits;
        this.repository = repository;
        this.compiler = compiler;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** @throws Unprocessable when the stored version no longer compiles or fails at once (nothing is swapped) */
    public CompiledVersion build(String ruleSet, int version, String expectedHash) {
        Map<String, String> files = repository.files(ruleSet, version);
        Compilation compilation = compiler.compile(ruleSet, version, files);
        if (!compilation.hash().equals(expectedHash)) {
            compilation.compiledVersion().ifPresent(CompiledVersion::retire);
            throw new IllegalStateException("stored files of " + ruleSet + " v" + version + " hash to "
                    + compilation.hash() + ", not the recorded " + expectedHash);
        }
        CompiledVersion compiled = compilation.compiledVersion().orElseThrow(() -> new Unprocessable(
                ruleSet + " v" + version + " does not compile on this platform any more; stage a fixed version",
                reportLimits.cap(compilation.findings())));
        try {
            evaluator.evaluate(compiled, new Snapshot(ruleSet, clock.instant(), List.of(), List.of(), List.of()));
        } catch (EvaluationFailedException e) {
            compiled.retire();
            throw new Unprocessable(ruleSet + " v" + version + " fails on an empty snapshot: "
                    + e.getMessage());
        }
        return compiled;
    }
}
