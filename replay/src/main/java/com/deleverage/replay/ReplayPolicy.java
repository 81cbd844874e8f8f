package com.deleverage.replay;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.policy.PolicyFiles;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One policy version under replay, with the label the report shows for it (e.g. "reference v3").
 */
public record ReplayPolicy(String label, CompiledVersion version) {
    public ReplayPolicy {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(version, "version");
    }

    /** Compiles the policy files of a folder ({@link PolicyFiles#fromDirectory}) as {@code ruleSet} version 1. */
    public static ReplayPolicy fromDirectory(String label, String ruleSet, Path folder) {
        return compile(label, ruleSet, 1, PolicyFiles.fromDirectory(folder));
    }

    /** Compiles policy files; a policy that does not compile is refused with its errors. */
    public static ReplayPolicy compile(String label, String ruleSet, int version, Map<String, String> files) {
        Compilation compilation = new RuleSetCompiler().compile(ruleSet, version, files);
        if (!compilation.succeeded()) {
            throw new IllegalArgumentException("policy '" + label + "' does not compile: " + compilation.findings()
                    .stream().filter(Finding::isError).map(Finding::toString).collect(Collectors.joining("; ")));
        }
        return new ReplayPolicy(label, compilation.compiled());
    }
}
