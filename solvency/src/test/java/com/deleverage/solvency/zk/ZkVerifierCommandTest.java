package com.deleverage.solvency.zk;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.verifier.Verifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify-range} and {@code verify-solvency} as an account holder runs them, on files this module's prover
 * made: PASS with status 0, FAIL with status 1, a usage error with status 2.
 */
class ZkVerifierCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String proof;
    private static String epoch;
    private static String root;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    @BeforeAll
    static void publish() throws IOException {
        SecureRandom random = new SecureRandom();
        RangeProver prover = new RangeProver(random);
        // 1.5 + 25 + 0.00000007 = 26.50000007 USDT owed, 27 declared.
        ZkEpochTree tree = ZkEpochTree.build(List.of(owed("alice", 150_000_000), owed("bob", 2_500_000_000L),
                owed("carol", 7)), random);
        root = tree.tree().root().hash();
        proof = JSON.writeValueAsString(tree.proof(3, "alice", prover).orElseThrow());
        Map<String, Object> published = new LinkedHashMap<>();
        published.put("epoch", 3);
        published.put("asOf", "2025-10-10T21:15:00Z");
        published.put("root", tree.tree().root());
        published.put("reserves", Map.of("USDT", "27"));
        published.put("accountCount", 3);
        published.put("solvent", true);
        published.put("solvencyProof", tree.solvencyProof(BigInteger.valueOf(2_700_000_000L), prover).toFile());
        epoch = JSON.writeValueAsString(published);
    }

    @Test
    void aGoodProofAndEpochPassWithStatus0() throws IOException {
        Path epochFile = write("epoch.json", epoch);
        assertThat(run("verify-range", write("proof.json", proof).toString(), "--epoch-file", epochFile.toString())).isZero();
        assertThat(out.toString()).contains("ok: the range proof shows your leaf and all 2 siblings each commit to an "
                + "amount from 0 to 2^64 - 1 units").contains("PASS: the liability of account 'alice', 1.50000000, is "
                + "included in published root " + root + " of epoch 3");
        assertThat(run("verify-solvency", epochFile.toString(), "--root", root)).isZero();
        assertThat(out.toString()).contains("PASS: reserves of 27 USDT cover the liabilities committed to in root "
                + root + " of epoch 3 (their total is not revealed)").doesNotContain("26.5");
    }

    @Test
    void alteredFilesFailWithStatus1() throws IOException {
        Path lie = write("lie.json", proof.replace("\"150000000\"", "\"150000001\""));
        assertThat(run("verify-range", lie.toString(), "--root", root)).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL: the path leads to root ");
        // The reserve lowered below the total (26.5 USDT < 26.50000007): the proof no longer holds.
        Path poorer = write("poorer.json", epoch.replace("\"27\"", "\"26.5\""));
        assertThat(run("verify-solvency", poorer.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL: the range proof's");
        assertThat(run("verify-solvency", write("insolvent.json", epoch.replace("\"solvent\":true",
                "\"solvent\":false")).toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL: the epoch says solvent: false");
    }

    @Test
    void aMissingRootIsAUsageErrorWithStatus2() throws IOException {
        assertThat(run("verify-range", write("proof.json", proof).toString())).isEqualTo(2);
        assertThat(run("verify-solvency")).isEqualTo(2);
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

    private static AccountLiability owed(String id, long units) {
        return new AccountLiability(id, BigInteger.valueOf(units), BigInteger.ZERO);
    }
}
