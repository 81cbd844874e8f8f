package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.policy.PolicyFiles;

import java.nio.file.Path;

/** The reference policy of the repository (rules/deleveraging), compiled as a version of "deleveraging". */
public final class ReferencePolicy {
    private ReferencePolicy() {
    }

    public static CompiledVersion compile() {
        return compile(1);
    }

    /** The same sources as another version number (its decisions are version 1's, stamped with its number). */
    public static CompiledVersion compile(int version) {
        return new RuleSetCompiler().compile("deleveraging", version, PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging")))
                .compiledVersion().orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
    }
}
