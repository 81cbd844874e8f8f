package com.deleverage.admin.policycli;

import com.deleverage.engine.policy.PolicyFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The options of the commands that work on a folder without a server: the folder, its rule set name, the format. */
final class LocalFolder {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The policy folder: DRL files and scenarios/*.yaml.")
    Path folder;

    @Option(names = "--ruleset", defaultValue = "deleveraging", paramLabel = "NAME",
            description = "Rule set name the folder is compiled as (default: ${DEFAULT-VALUE}).")
    String ruleSet;

    @Option(names = "--format", defaultValue = "TEXT", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The folder's files as a version stores them (path relative to the folder, '/' separators). */
    Map<String, String> files() {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "DIR " + folder + ": no such folder");
        }
        return PolicyFiles.fromDirectory(folder);
    }
}
