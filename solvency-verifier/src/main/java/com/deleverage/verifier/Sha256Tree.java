package com.deleverage.verifier;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The format's hashes, written from docs/solvency.md alone (the platform's own implementation is not used,
 * so the two check each other): H = SHA-256, u128 = 16 bytes big-endian.
 */
final class Sha256Tree {
    private Sha256Tree() {
    }

    /** H(utf8(accountId) || salt). */
    static byte[] commitment(String accountId, byte[] salt) {
        return sha256(accountId.getBytes(StandardCharsets.UTF_8), salt);
    }

    /** H(0x00 || accountCommitment || u128(liability)). */
    static byte[] leaf(byte[] commitment, BigInteger liability) {
        return sha256(new byte[]{0x00}, commitment, u128(liability));
    }

    /** H(0x01 || left.hash || u128(left.sum) || right.hash || u128(right.sum)). */
    static byte[] node(byte[] leftHash, BigInteger leftSum, byte[] rightHash, BigInteger rightSum) {
        return sha256(new byte[]{0x01}, leftHash, u128(leftSum), rightHash, u128(rightSum));
    }

    static byte[] u128(BigInteger value) {
        byte[] out = new byte[16];
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 16);
        System.arraycopy(bytes, bytes.length - length, out, 16 - length, length);
        return out;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
