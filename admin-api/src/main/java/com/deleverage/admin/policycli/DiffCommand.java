package com.deleverage.admin.policycli;

import com.deleverage.admin.ruleset.DiffView;
import com.deleverage.admin.ruleset.DiffView.FileDiffView;
import com.deleverage.admin.ruleset.DiffView.ParameterChangeView;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code policy diff DIR --ruleset NAME --against VERSION}: what staging the folder would change compared with a
 * stored version, in the API's diff format (parameter values that moved, then one unified diff per file). Exit
 * status 0 when the folder holds exactly that version's files, 1 when it differs, as {@code diff} does.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Compares a policy folder with a stored version (GET /api/v1/rulesets/{name}/versions/{v}): "
                + "the parameter values that moved and a unified diff per file; exit status 1 when they differ.")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PolicyCommand parent;

    @Mixin
    ServerOptions server;

    @Mixin
    LocalFolder local;

    @Option(names = "--against", required = true, paramLabel = "VERSION", description = "The stored version to compare with.")
    int against;

    /** The comparison as {@code --format json} prints it: the API's diff fields, from the stored version to the folder. */
    record FolderDiff(String ruleSet, int against, String againstHash, String folder, List<FileDiffView> files,
                      List<ParameterChangeView> parameters) {
    }

    @Override
    public Integer call() {
        if (local.format == Format.JUNIT) {
            throw new ParameterException(spec.commandLine(), "--format junit is for check, test and stage; diff prints text or json");
        }
        Map<String, String> files = local.files();
        JsonNode stored = server.connect(parent::environment).version(local.ruleSet, against);
        Map<String, String> storedFiles = PolicyJson.MAPPER.convertValue(stored.get("files"), new TypeReference<>() { });
        FolderDiff diff = new FolderDiff(local.ruleSet, against, stored.get("hash").asText(), local.folder.toString(),
                DiffView.files("v" + against, storedFiles, "local", files), DiffView.parameters(storedFiles, files));
        PrintWriter out = spec.commandLine().getOut();
        if (local.format == Format.JSON) {
            out.println(PolicyJson.write(diff));
        } else {
            printText(out, diff);
        }
        out.flush();
        return diff.files().isEmpty() ? 0 : 1;
    }

    private static void printText(PrintWriter out, FolderDiff diff) {
        String version = diff.ruleSet() + " version " + diff.against() + " (" + diff.againstHash() + ")";
        if (diff.files().isEmpty()) {
            out.println(diff.folder() + " holds exactly the files of " + version);
            return;
        }
        out.println(diff.folder() + " against " + version + ": " + FindingsReport.count(diff.parameters().size(), "parameter")
                + " and " + FindingsReport.count(diff.files().size(), "file") + " differ");
        diff.parameters().forEach(p -> out.println("parameter " + p.name() + ": " + shown(p.before()) + " -> " + shown(p.after())));
        diff.files().forEach(f -> out.print(f.diff()));
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
