package com.deleverage.admin.policycli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code policy fetch RULESET VERSION DIR}: writes a stored version's files into a new or empty folder, each as the
 * UTF-8 text the version stores, so that staging the folder again gives the same hash.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Writes the files of a stored version (GET /api/v1/rulesets/{name}/versions/{v}) into a new or "
                + "empty folder.")
final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PolicyCommand parent;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "RULESET", description = "The rule set.")
    String ruleSet;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number.")
    int version;

    @Parameters(index = "2", paramLabel = "DIR", description = "The folder to write the files into: new or empty.")
    Path folder;

    @Override
    public Integer call() {
        // Refuse to mix a version's files with files already there: the folder would no longer be that version.
        if (Files.exists(folder) && (!Files.isDirectory(folder) || !isEmpty(folder))) {
            throw new ParameterException(spec.commandLine(), "DIR " + folder + " exists and is not an empty folder");
        }
        JsonNode stored = server.connect(parent::environment).version(ruleSet, version);
        Path root = folder.toAbsolutePath().normalize();
        int written = 0;
        for (Iterator<Map.Entry<String, JsonNode>> files = stored.get("files").fields(); files.hasNext(); written++) {
            Map.Entry<String, JsonNode> file = files.next();
            write(root, file.getKey(), file.getValue().asText());
        }
        spec.commandLine().getOut().println(ruleSet + " version " + version + " " + stored.get("state").asText() + " "
                + stored.get("hash").asText() + ": " + FindingsReport.count(written, "file") + " written to " + folder);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void write(Path root, String relative, String text) {
        Path target = root.resolve(relative).normalize();
        // The server refuses such paths at staging; a folder outside DIR must still never be written.
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalStateException("the version has a file path outside the folder: " + relative);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }
}
