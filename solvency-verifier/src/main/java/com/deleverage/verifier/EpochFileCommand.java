package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A command that checks a published epoch file on its own, optionally against a root hash published elsewhere.
 * The subclass says what the epoch must show.
 */
abstract class EpochFileCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EPOCH.json", description = "the epoch the venue published")
    Path epoch;

    @Option(names = "--root", paramLabel = "ROOTHASH",
            description = "a root hash published elsewhere (a website, a newspaper) that the epoch's must equal")
    String root;

    /** @param root the root hash published elsewhere, or null */
    abstract Verdict verify(String epochJson, String root);

    @Override
    public Integer call() {
        return Verifier.report(spec.commandLine(), () -> verify(Files.readString(epoch, StandardCharsets.UTF_8), root));
    }
}
