package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * The tree of step 2 (docs/solvency.md, "Step 2: the format"): each node holds a Pedersen commitment instead of
 * a sum, and a parent's commitment is the sum of its children's, so it commits to the sum of their values
 * without showing it.
 */
public final class CommitmentTree {
    public static final byte LEAF = 0x02;
    public static final byte NODE = 0x03;

    private CommitmentTree() {
    }

    /** {@code v·G + r·H}: hides {@code value} (r is uniform), binds it (nobody knows log_G H). */
    public static ECPoint commit(BigInteger value, BigInteger blinding) {
        return Secp256k1.fixedBase(Secp256k1.G, value).add(Secp256k1.fixedBase(Generators.H, blinding)).normalize();
    }

    /** {@code SHA-256(0x02 ‖ accountCommitment ‖ C)}: 66 bytes hashed. */
    public static byte[] leaf(byte[] accountCommitment, ECPoint commitment) {
        return Generators.sha256(Generators.concat(new byte[]{LEAF}, accountCommitment, Secp256k1.encode(commitment)));
    }

    /** {@code SHA-256(0x03 ‖ left.hash ‖ left.C ‖ right.hash ‖ right.C)}: 131 bytes hashed. */
    public static byte[] node(byte[] leftHash, ECPoint left, byte[] rightHash, ECPoint right) {
        return Generators.sha256(Generators.concat(new byte[]{NODE}, leftHash, Secp256k1.encode(left), rightHash,
                Secp256k1.encode(right)));
    }

    /** The context of an inclusion proof's range proof: {@code utf8("inclusion") ‖ rootHash}. */
    public static byte[] inclusionContext(byte[] rootHash) {
        return Generators.concat("inclusion".getBytes(java.nio.charset.StandardCharsets.US_ASCII), rootHash);
    }

    /** The context of an epoch's solvency proof: {@code utf8("solvency") ‖ rootHash ‖ u64be(reserve units)}. */
    public static byte[] solvencyContext(byte[] rootHash, BigInteger reserveUnits) {
        if (reserveUnits.signum() < 0 || reserveUnits.bitLength() > 64) {
            throw new IllegalArgumentException("a reserve in a solvency proof is below 2^64 units, not " + reserveUnits);
        }
        byte[] reserve = new byte[8];
        byte[] raw = reserveUnits.toByteArray();
        int length = Math.min(raw.length, 8);
        System.arraycopy(raw, raw.length - length, reserve, 8 - length, length);
        return Generators.concat("solvency".getBytes(java.nio.charset.StandardCharsets.US_ASCII), rootHash, reserve);
    }

    /** The commitment the solvency proof shows to be in range: {@code reserve·G − C_root}, of reserve − liabilities. */
    public static ECPoint surplus(BigInteger reserveUnits, ECPoint root) {
        return Secp256k1.G.multiply(reserveUnits).subtract(root).normalize();
    }
}
