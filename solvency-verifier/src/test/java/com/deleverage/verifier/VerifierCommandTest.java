package com.deleverage.verifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as an account holder runs it: files in, PASS or FAIL out, exit status 0, 1 or 2. */
class VerifierCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @Test
    void aGoodProofPassesWithStatus0() throws IOException {
        Path proof = write("proof.json", Vectors.ALICE);
        assertThat(run("verify-inclusion", proof.toString(), "--root", Vectors.ROOT)).isZero();
        assertThat(out.toString()).contains("PASS: the liability of account 'alice', 1.50000000");
        assertThat(run("verify-inclusion", proof.toString(), "--epoch-file", write("epoch.json", Vectors.EPOCH).toString()))
                .isZero();
    }

    @Test
    void anAlteredProofFailsWithStatus1() throws IOException {
        Path proof = write("proof.json", Vectors.ALICE.replace("\"150000000\"", "\"150000001\""));
        assertThat(run("verify-inclusion", proof.toString(), "--root", Vectors.ROOT)).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL: the path leads to root ");
        assertThat(run("verify-inclusion", dir.resolve("missing.json").toString(), "--root", Vectors.ROOT)).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL: cannot read ");
    }

    @Test
    void theEpochIsCheckedWithStatus0Or1() throws IOException {
        assertThat(run("verify-epoch", write("epoch.json", Vectors.EPOCH).toString())).isZero();
        assertThat(run("verify-epoch", write("lie.json", Vectors.EPOCH.replace("\"27\"", "\"1\"")).toString()))
                .isEqualTo(1);
    }

    @Test
    void aMissingRootIsAUsageErrorWithStatus2() throws IOException {
        assertThat(run("verify-inclusion", write("proof.json", Vectors.ALICE).toString())).isEqualTo(2);
    }

    private int run(String... args) {
        CommandLine commandLine = Verifier.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
