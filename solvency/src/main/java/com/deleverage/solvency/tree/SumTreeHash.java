package com.deleverage.solvency.tree;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The three hashes of the format (docs/solvency.md), with {@code H} = SHA-256 and {@code u128} the 16-byte
 * big-endian amount:
 * <pre>
 *   accountCommitment = H(utf8(accountId) || salt)
 *   leaf              = H(0x00 || accountCommitment || u128(liability))
 *   node              = H(0x01 || left.hash || u128(left.sum) || right.hash || u128(right.sum))
 * </pre>
 * The leading byte keeps a leaf from ever being taken for a node; both sums are inside the node's hash, so
 * neither can be changed without changing every hash above it. One instance reuses its digest and buffers:
 * use it from one thread.
 */
public final class SumTreeHash {
    public static final int HASH_BYTES = 32;
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final MessageDigest sha256;
    private final byte[] leafInput = new byte[1 + HASH_BYTES + U128.BYTES];
    private final byte[] nodeInput = new byte[1 + 2 * (HASH_BYTES + U128.BYTES)];

    public SumTreeHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
        leafInput[0] = LEAF;
        nodeInput[0] = NODE;
    }

    public byte[] commitment(String accountId, byte[] salt) {
        sha256.update(accountId.getBytes(StandardCharsets.UTF_8));
        return sha256.digest(salt);
    }

    public byte[] leaf(byte[] commitment, BigInteger liability) {
        System.arraycopy(commitment, 0, leafInput, 1, HASH_BYTES);
        U128.write(liability, leafInput, 1 + HASH_BYTES);
        return sha256.digest(leafInput);
    }

    /** The node over two children whose hashes are at {@code leftAt} and {@code rightAt} of {@code hashes}. */
    void node(byte[] hashes, int leftAt, BigInteger leftSum, int rightAt, BigInteger rightSum, byte[] out, int outAt) {
        System.arraycopy(hashes, leftAt, nodeInput, 1, HASH_BYTES);
        U128.write(leftSum, nodeInput, 1 + HASH_BYTES);
        System.arraycopy(hashes, rightAt, nodeInput, 1 + HASH_BYTES + U128.BYTES, HASH_BYTES);
        U128.write(rightSum, nodeInput, 1 + 2 * HASH_BYTES + U128.BYTES);
        sha256.update(nodeInput);
        try {
            sha256.digest(out, outAt, HASH_BYTES);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("the output array has room for a SHA-256 digest", e);
        }
    }
}
