package com.deleverage.admin.ruleset;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Validates a version's files with the engine. The one place that knows which engine API validates,
 * so moving to the engine's full validator (lint, compile, scenario tests) is a change here only.
 */
@Singleton
public class VersionValidator {
    private final RuleSetCompiler compiler;

    public VersionValidator(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    public Validation validate(String ruleSet, int version, Map<String, String> files) {
        Compilation compilation = compiler.compile(ruleSet, version, files);
        // Activation compiles again from the stored files; this build only had to prove it compiles.
        compilation.compiledVersion().ifPresent(compiled -> compiled.retire());
        return new Validation(compilation.hash(), compilation.findings(), compilation.succeeded());
    }

    /** The outcome: the version's content hash, every finding, and whether it may go on to approval. */
    public record Validation(String hash, List<Finding> findings, boolean accepted) {
    }
}
