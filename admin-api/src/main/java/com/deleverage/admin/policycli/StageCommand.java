package com.deleverage.admin.policycli;

import com.deleverage.admin.ruleset.FindingView;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.deleverage.engine.policy.PolicyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code policy stage DIR --ruleset NAME}: stages the folder's files as a new version (the complete file set, as the
 * API requires) and prints the version's number, state and findings. Exit status 1 when it is REJECTED.
 */
@Command(name = "stage", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Stages a policy folder as a new version of a rule set on a running platform (POST "
                + "/api/v1/rulesets/{name}/versions); exit status 1 when the version is REJECTED.")
final class StageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PolicyCommand parent;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "DIR", description = "The policy folder: DRL files and scenarios/*.yaml.")
    Path folder;

    @Option(names = "--ruleset", required = true, paramLabel = "NAME", description = "The rule set to stage a version of.")
    String ruleSet;

    @Option(names = "--comment", paramLabel = "TEXT", description = "What the version changes, for the approver.")
    String comment;

    @Option(names = "--format", defaultValue = "TEXT", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "DIR " + folder + ": no such folder");
        }
        Map<String, String> files = PolicyFiles.fromDirectory(folder);
        PolicyServer.Answer answer = server.connect(parent::environment).stage(ruleSet, comment, files);
        JsonNode version = answer.version();
        List<FindingView> findings = PolicyJson.MAPPER.convertValue(version.get("findings"), new TypeReference<>() { });
        FindingsReport report = new FindingsReport("policy stage " + folder, files.keySet(), findings);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> {
                out.println(ruleSet + " version " + version.get("version").asInt() + " " + version.get("state").asText()
                        + " " + version.get("hash").asText() + (answer.created() ? "" : " (already staged: the same files)"));
                report.textLines().forEach(out::println);
            }
            // The version object as the API answered it, without the files the user just sent.
            case JSON -> out.println(PolicyJson.write(((ObjectNode) version.deepCopy()).without("files")));
            case JUNIT -> out.println(report.junit());
        }
        out.flush();
        return "REJECTED".equals(version.get("state").asText()) ? 1 : 0;
    }
}
