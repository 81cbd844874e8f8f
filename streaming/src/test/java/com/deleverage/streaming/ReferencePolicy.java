package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.policy.PolicyFiles;

import java.nio.file.Path;

/** The reference policy of the repository (rules/deleveraging), compiled as version 1 of "deleveraging". */
final class ReferencePolicy {
    private ReferencePolicy() {
    }

    static CompiledVersion compile() {
        return new RuleSetCompiler().compile("deleveraging", 1, PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging")))
                .compiledVersion().orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
    }
}
