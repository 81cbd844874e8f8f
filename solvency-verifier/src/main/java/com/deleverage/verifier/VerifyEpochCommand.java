package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify-epoch",
        description = "Checks that a published epoch is well formed and that its 'solvent' claim follows from its "
                + "declared reserves and the total of its liabilities.")
final class VerifyEpochCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EPOCH.json", description = "the epoch the venue published")
    Path epoch;

    @Option(names = "--root", paramLabel = "ROOTHASH",
            description = "a root hash published elsewhere (a website, a newspaper) that the epoch's must equal")
    String root;

    @Override
    public Integer call() {
        try {
            return Verifier.report(spec.commandLine(),
                    EpochCheck.verify(Files.readString(epoch, StandardCharsets.UTF_8), root));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Verifier.report(spec.commandLine(), Verdict.fail(java.util.List.of(), "cannot read " + e.getMessage()));
        }
    }
}
