package com.deleverage.engine.compile;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling a version: the compiled version when no finding is an error, and every
 * finding either way.
 */
public record Compilation(String hash, CompiledVersion compiled, List<Finding> findings) {
    public Compilation {
        findings = List.copyOf(findings);
    }

    public boolean succeeded() {
        return compiled != null;
    }

    public Optional<CompiledVersion> compiledVersion() {
        return Optional.ofNullable(compiled);
    }
}
