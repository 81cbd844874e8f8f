package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify-margin",
        description = "Checks a margin epoch (docs/solvency.md, section 21 on): that every margin pool was either above "
                + "the liquidation ratio or acted on by the published decision, from commitments to its positions, "
                + "without any position being shown; lists the pools that relied on an action.")
final class VerifyMarginCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EPOCH_DIR", description = "the directory with epoch.json and pools.jsonl")
    Path directory;

    @Option(names = "--digest", paramLabel = "DIGEST",
            description = "the epoch digest published elsewhere (the audit hash chain's) that the files' must equal")
    String digest;

    @Option(names = "--opening", paramLabel = "OPENING.json",
            description = "your own opening from the venue: checks that your positions are the ones committed")
    Path opening;

    @Override
    public Integer call() {
        return Verifier.report(spec.commandLine(), () -> MarginCheck.verify(
                Files.readAllBytes(directory.resolve("epoch.json")), Files.readAllBytes(directory.resolve("pools.jsonl")),
                digest, opening == null ? null : Files.readString(opening, StandardCharsets.UTF_8)));
    }
}
