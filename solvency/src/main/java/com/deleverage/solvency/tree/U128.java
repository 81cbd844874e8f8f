package com.deleverage.solvency.tree;

import java.math.BigInteger;

/**
 * The amounts of the tree: unsigned integers below 2^128, written as 16 bytes big-endian ({@code u128} of
 * docs/solvency.md). A liability or a sum outside that range cannot be committed to, so it is an error,
 * never wrapped or truncated.
 */
public final class U128 {
    public static final int BYTES = 16;
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private U128() {
    }

    /** {@code value}, once it is known to fit; {@code what} names it in the error. */
    public static BigInteger require(BigInteger value, String what) {
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new AmountOverflowException(what + " " + value + " is outside 0 to 2^128 - 1");
        }
        return value;
    }

    /** {@code a + b}, an error when the sum no longer fits. */
    public static BigInteger add(BigInteger a, BigInteger b) {
        BigInteger sum = a.add(b);
        if (sum.compareTo(MAX) > 0) {
            throw new AmountOverflowException("the sum " + a + " + " + b + " exceeds 2^128 - 1");
        }
        return sum;
    }

    /** Writes the 16-byte big-endian form of a value known to fit into {@code out} at {@code offset}. */
    static void write(BigInteger value, byte[] out, int offset) {
        byte[] twosComplement = value.toByteArray(); // big-endian, with a leading 0 when the top bit is set
        int length = Math.min(twosComplement.length, BYTES);
        int padding = BYTES - length;
        java.util.Arrays.fill(out, offset, offset + padding, (byte) 0);
        System.arraycopy(twosComplement, twosComplement.length - length, out, offset + padding, length);
    }
}
