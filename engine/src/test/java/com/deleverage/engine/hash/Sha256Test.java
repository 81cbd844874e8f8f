package com.deleverage.engine.hash;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** FIPS 180-2's test vector "abc", tagged as the platform writes hashes, and the digest of parts in order. */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theTaggedHashOfAbcIsTheStandardVector() {
        assertThat(Sha256.tagged("abc")).isEqualTo("sha256:" + ABC);
        assertThat(Sha256.tagged("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo("sha256:" + ABC);
    }

    @Test
    void partsAreDigestedOneAfterTheOther() {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] bc = "bc".getBytes(StandardCharsets.UTF_8);
        assertThat(HexFormat.of().formatHex(Sha256.digest(a, bc))).isEqualTo(ABC);
    }
}
