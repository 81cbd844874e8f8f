package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify-solvency",
        description = "Checks a zero-knowledge epoch (step 2): its proof that the declared reserves cover the total "
                + "of its liabilities, without the total being shown.")
final class VerifySolvencyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EPOCH.json", description = "the zero-knowledge epoch the venue published")
    Path epoch;

    @Option(names = "--root", paramLabel = "ROOTHASH",
            description = "a root hash published elsewhere (a website, a newspaper) that the epoch's must equal")
    String root;

    @Override
    public Integer call() {
        try {
            return Verifier.report(spec.commandLine(),
                    SolvencyCheck.verify(Files.readString(epoch, StandardCharsets.UTF_8), root));
        } catch (IOException | UncheckedIOException e) {
            return Verifier.report(spec.commandLine(), Verdict.fail(List.of(), "cannot read " + e.getMessage()));
        }
    }
}
