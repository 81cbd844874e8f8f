package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
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

@Command(name = "verify-range",
        description = "Checks a zero-knowledge proof (step 2): your liability is in the published root, and your "
                + "balance and every balance beside your path are 0 or more, without showing any of theirs.")
final class VerifyRangeCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROOF.json", description = "the zero-knowledge proof of your account")
    Path proof;

    @ArgGroup(multiplicity = "1")
    Trusted trusted;

    static final class Trusted {
        @Option(names = "--root", paramLabel = "ROOTHASH",
                description = "the root hash the venue published for the epoch (64 hex digits)")
        String root;

        @Option(names = "--epoch-file", paramLabel = "EPOCH.json",
                description = "the published epoch instead: its root, epoch number and account count are all checked")
        Path epoch;
    }

    @Override
    public Integer call() {
        try {
            String proofJson = Files.readString(proof, StandardCharsets.UTF_8);
            Verdict verdict = trusted.root != null
                    ? RangeCheck.againstRoot(proofJson, trusted.root)
                    : RangeCheck.againstEpoch(proofJson, Files.readString(trusted.epoch, StandardCharsets.UTF_8));
            return Verifier.report(spec.commandLine(), verdict);
        } catch (IOException | UncheckedIOException e) {
            return Verifier.report(spec.commandLine(), Verdict.fail(List.of(), "cannot read " + e.getMessage()));
        }
    }
}
