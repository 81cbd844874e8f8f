package com.deleverage.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Alice's zero-knowledge proof and the epoch of the worked example of docs/solvency.md, section 19 (blindings 1, 2,
 * 3 and 4), in {@code src/test/resources/zk/}: made once by the platform's prover and kept as files, so this module
 * tests its checks on real proofs without depending on the prover. Their commitments and hashes are the
 * document's, computed with Python; the range proofs are randomised, so they are checked by verifying.
 */
final class ZkFixtures {
    static final String ROOT = "fa6da8f05c35f252c7e98e7b0b7118e9299c2756af0da87e43cc9ece484d5ece";

    private ZkFixtures() {
    }

    static String read(String name) {
        try (InputStream in = ZkFixtures.class.getResourceAsStream("/zk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource zk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
