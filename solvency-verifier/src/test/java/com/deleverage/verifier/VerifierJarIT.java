package com.deleverage.verifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar an account holder downloads: it runs with {@code java -jar}, checks the worked examples of both steps,
 * and holds no class of the platform (only the verifier's own, picocli's, Jackson's and BouncyCastle's).
 */
class VerifierJarIT {
    private static final Path JAR = Path.of("target/solvency-verifier.jar");

    @TempDir
    Path dir;

    @Test
    void itHoldsNothingOfThePlatform() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).filteredOn(n -> n.startsWith("com/deleverage/"))
                    .isNotEmpty().allMatch(n -> n.startsWith("com/deleverage/verifier/"));
            assertThat(classes).allMatch(n -> n.startsWith("com/deleverage/verifier/") || n.startsWith("picocli/")
                    || n.startsWith("com/fasterxml/jackson/") || n.startsWith("org/bouncycastle/")
                    || n.startsWith("META-INF/versions/"), "only picocli, Jackson and BouncyCastle");
        }
    }

    @Test
    void javaDashJarChecksAProofAndAnEpoch() throws Exception {
        Path proof = Files.writeString(dir.resolve("proof.json"), Vectors.ALICE);
        Path epoch = Files.writeString(dir.resolve("epoch.json"), Vectors.EPOCH);
        Run pass = run("verify-inclusion", proof.toString(), "--epoch-file", epoch.toString());
        assertThat(pass.status()).as(pass.output()).isZero();
        assertThat(pass.output()).contains("PASS: the liability of account 'alice', 1.50000000");

        Path altered = Files.writeString(dir.resolve("altered.json"), Vectors.ALICE.replace("\"7\"", "\"8\""));
        Run fail = run("verify-inclusion", altered.toString(), "--root", Vectors.ROOT);
        assertThat(fail.status()).isEqualTo(1);
        assertThat(fail.output()).contains("FAIL: ");

        assertThat(run("verify-epoch", epoch.toString()).status()).isZero();
        assertThat(run("verify-inclusion").status()).isEqualTo(2);
    }

    @Test
    void javaDashJarChecksAZeroKnowledgeProofAndEpoch() throws Exception {
        Path proof = Files.writeString(dir.resolve("proof.json"), ZkFixtures.read("alice-proof.json"));
        Path epoch = Files.writeString(dir.resolve("epoch.json"), ZkFixtures.read("epoch.json"));
        Run pass = run("verify-range", proof.toString(), "--epoch-file", epoch.toString());
        assertThat(pass.status()).as(pass.output()).isZero();
        assertThat(pass.output()).contains("PASS: the liability of account 'alice', 1.50000000, is included");
        Run solvent = run("verify-solvency", epoch.toString(), "--root", ZkFixtures.ROOT);
        assertThat(solvent.status()).as(solvent.output()).isZero();

        Path poorer = Files.writeString(dir.resolve("poorer.json"), ZkFixtures.read("epoch.json").replace("\"27\"", "\"26.5\""));
        Run fail = run("verify-solvency", poorer.toString());
        assertThat(fail.status()).isEqualTo(1);
        assertThat(fail.output()).contains("FAIL: the range proof's");
        assertThat(run("verify-range", proof.toString()).status()).isEqualTo(2);
    }

    private record Run(int status, String output) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
