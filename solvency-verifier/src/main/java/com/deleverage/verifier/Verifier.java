package com.deleverage.verifier;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code java -jar solvency-verifier.jar verify-inclusion proof.json --root <hash>} and {@code verify-epoch
 * epoch.json} (step 1), {@code verify-range proof.json --epoch-file epoch.json} and {@code verify-solvency epoch.json}
 * (step 2, zero knowledge), {@code verify-margin EPOCH_DIR} (the zero-knowledge margin epoch): PASS or FAIL with
 * what was checked; exit status 0 for PASS, 1 for FAIL, 2 for a usage error.
 */
@Command(name = "solvency-verifier", mixinStandardHelpOptions = true, version = "solvency-verifier step 2",
        description = "Checks a venue's proof of solvency (docs/solvency.md): that your account is counted in the "
                + "published total of liabilities, and that the published epoch's claim follows from its figures.",
        subcommands = {VerifyInclusionCommand.class, VerifyEpochCommand.class, VerifyRangeCommand.class,
                VerifySolvencyCommand.class, VerifyMarginCommand.class, CommandLine.HelpCommand.class})
public final class Verifier {
    static final int PASS = 0;
    static final int FAIL = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests that capture its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new Verifier());
    }

    static int report(CommandLine commandLine, Verdict verdict) {
        verdict.lines().forEach(commandLine.getOut()::println);
        commandLine.getOut().flush();
        return verdict.passed() ? PASS : FAIL;
    }

    /** A check that reads the files it is given. */
    @FunctionalInterface
    interface FileCheck {
        Verdict run() throws IOException;
    }

    /** Runs a check and reports its verdict; a file that cannot be read fails the check and says which. */
    static int report(CommandLine commandLine, FileCheck check) {
        Verdict verdict;
        try {
            verdict = check.run();
        } catch (IOException | UncheckedIOException e) {
            verdict = Verdict.fail(List.of(), "cannot read " + e.getMessage());
        }
        return report(commandLine, verdict);
    }
}
