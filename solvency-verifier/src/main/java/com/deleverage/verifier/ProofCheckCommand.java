package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A command that checks the proof of one account against what the venue published for the epoch: its root hash,
 * or the published epoch file (root, epoch number and account count). The subclass says what a proof must show.
 */
abstract class ProofCheckCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROOF.json", description = "the proof of your account")
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

    abstract Verdict againstRoot(String proofJson, String root);

    abstract Verdict againstEpoch(String proofJson, String epochJson);

    @Override
    public Integer call() {
        return Verifier.report(spec.commandLine(), () -> {
            String proofJson = Files.readString(proof, StandardCharsets.UTF_8);
            return trusted.root != null
                    ? againstRoot(proofJson, trusted.root)
                    : againstEpoch(proofJson, Files.readString(trusted.epoch, StandardCharsets.UTF_8));
        });
    }
}
