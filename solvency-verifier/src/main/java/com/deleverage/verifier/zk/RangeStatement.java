package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;

import java.util.List;

/**
 * What a range proof claims: each of {@code commitments} opens to a value in [0, 2^64). The list is padded
 * with the identity (a commitment to 0 with blinding 0, never written) up to {@code m}, the smallest power
 * of two that holds it, so one aggregated proof covers {@code 64·m} bits.
 *
 * @param context the bytes the proof is bound to (the statement it is part of, docs/solvency.md): a proof
 *                made for one context does not verify in another
 */
public record RangeStatement(List<ECPoint> commitments, byte[] context) {
    public static final int BITS = 64;
    /** 32 values: a path of a tree with 2^31 leaves and its leaf. */
    public static final int MAX_VALUES = 32;

    public RangeStatement {
        commitments = List.copyOf(commitments);
        context = context.clone();
        if (commitments.isEmpty() || commitments.size() > MAX_VALUES) {
            throw new IllegalArgumentException("a range proof covers 1 to " + MAX_VALUES + " commitments, not "
                    + commitments.size());
        }
    }

    /** The padded number of values. */
    public int m() {
        int k = commitments.size();
        return k == 1 ? 1 : Integer.highestOneBit(k - 1) << 1;
    }

    /** Bits in all: the length of the vectors of the inner-product argument. */
    public int bitCount() {
        return BITS * m();
    }

    /** Rounds of the inner-product argument: the number of L (and of R) points in the proof. */
    public int rounds() {
        return Integer.numberOfTrailingZeros(bitCount());
    }

    /** The transcript with the whole statement absorbed, before the prover's first message. */
    public Transcript transcript() {
        Transcript transcript = new Transcript("range-proof")
                .append("context", context)
                .append("n", u32(BITS))
                .append("m", u32(m()))
                .append("k", u32(commitments.size()));
        commitments.forEach(v -> transcript.append("V", v));
        return transcript;
    }

    private static byte[] u32(int value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
