package com.deleverage.verifier.zk;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group and hash primitives against published values: SEC 2 (secp256k1's base point and order), the known
 * multiples 2G and 3G (3G's x is BIP-340 test vector 0's public key, secret key 3), FIPS 180-2's "abc" digests;
 * and the strict reading of points and scalars.
 */
class Secp256k1Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theGroupIsSec2Secp256k1() {
        assertThat(Secp256k1.ORDER.toString(16))
                .isEqualTo("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        assertThat(Secp256k1.FIELD_PRIME).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(32))
                .subtract(BigInteger.valueOf(977)));
        assertThat(Secp256k1.hex(Secp256k1.G))
                .isEqualTo("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        assertThat(Secp256k1.G.getAffineYCoord().toBigInteger().toString(16))
                .isEqualTo("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    }

    @Test
    void knownMultiplesOfTheBasePoint() {
        assertThat(Secp256k1.hex(Secp256k1.G.multiply(BigInteger.TWO)))
                .isEqualTo("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
        // BIP-340 test vector 0: secret key 3, public key f9308a01…36f9 (x only).
        assertThat(Secp256k1.hex(Secp256k1.G.multiply(BigInteger.valueOf(3))).substring(2))
                .isEqualTo("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9");
        // (n − 1)·G = −G: the same x, the odd y.
        assertThat(Secp256k1.hex(Secp256k1.G.multiply(Secp256k1.ORDER.subtract(BigInteger.ONE))))
                .isEqualTo("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        assertThat(Secp256k1.G.multiply(Secp256k1.ORDER).isInfinity()).isTrue();
    }

    @Test
    void sha2OfAbcIsFips180() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(abc)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-512").digest(abc))).isEqualTo(
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    }

    @Test
    void pointsAreReadStrictly() throws ProofRejected {
        String g = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        assertThat(Secp256k1.point(g, "p")).isEqualTo(Secp256k1.G);
        assertThatThrownBy(() -> Secp256k1.point(g.toUpperCase(), "p")).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> Secp256k1.point("04" + g.substring(2), "p")).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> Secp256k1.point("00", "p")).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> Secp256k1.point(null, "p")).hasMessage("p is missing");
        // x = p (not a field element) and x = 5 (5³ + 7 = 132 is not a square mod p, checked with Python's pow).
        assertThatThrownBy(() -> Secp256k1.point("02" + Secp256k1.FIELD_PRIME.toString(16), "p"))
                .hasMessageContaining("not below the field prime");
        assertThatThrownBy(() -> Secp256k1.point("02" + "0".repeat(63) + "5", "p"))
                .hasMessageContaining("not a point of secp256k1");
        assertThatThrownBy(() -> Secp256k1.encode(Secp256k1.G.multiply(Secp256k1.ORDER)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalarsAreReadStrictly() throws ProofRejected {
        assertThat(Secp256k1.scalar("0".repeat(63) + "7", "s")).isEqualTo(BigInteger.valueOf(7));
        assertThat(Secp256k1.hex(BigInteger.valueOf(7))).isEqualTo("0".repeat(63) + "7");
        assertThatThrownBy(() -> Secp256k1.scalar(Secp256k1.ORDER.toString(16), "s"))
                .hasMessage("s is not below the group order n");
        assertThatThrownBy(() -> Secp256k1.scalar("7", "s")).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> Secp256k1.scalar("A".repeat(64), "s")).isInstanceOf(ProofRejected.class);
    }
}
