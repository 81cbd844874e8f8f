package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Every generator besides SEC 2's G, derived in the open (docs/solvency.md, "Generators"): nobody, the venue
 * included, knows the discrete logarithm of one with respect to another, which is what makes a Pedersen
 * commitment binding and a Bulletproof sound.
 *
 * <p>hashToCurve(label): for counter = 0, 1, …: x = SHA-256(DOMAIN ‖ 0x00 ‖ utf8(label) ‖ 0x00 ‖ counter) as a
 * big-endian number; the first x below p for which x³ + 7 is a square mod p gives the point (x, y) with even y.
 * (Try-and-increment: not constant time, which does not matter for public constants.)
 */
public final class Generators {
    public static final String DOMAIN = "deleverage/solvency/v2/generator";
    /** The blinding generator of every Pedersen commitment {@code v·G + r·H}. */
    public static final ECPoint H = hashToCurve("pedersen/H");
    /** The inner-product argument's generator. */
    public static final ECPoint U = hashToCurve("bulletproofs/U");

    private static ECPoint[] gs = new ECPoint[0];
    private static ECPoint[] hs = new ECPoint[0];

    private Generators() {
    }

    public static ECPoint hashToCurve(String label) {
        byte[] prefix = concat(DOMAIN.getBytes(StandardCharsets.UTF_8), new byte[]{0},
                label.getBytes(StandardCharsets.UTF_8), new byte[]{0});
        for (int counter = 0; counter < 256; counter++) {
            byte[] x = sha256(concat(prefix, new byte[]{(byte) counter}));
            if (new BigInteger(1, x).compareTo(Secp256k1.FIELD_PRIME) >= 0) {
                continue;
            }
            try {
                return Secp256k1.CURVE.decodePoint(concat(new byte[]{0x02}, x)).normalize();
            } catch (IllegalArgumentException notOnCurve) {
                // x³ + 7 is not a square: the next counter
            }
        }
        throw new IllegalStateException("no point for label " + label + " in 256 tries (probability 2^-256)");
    }

    /** G_0 … G_{count-1} of the range proofs: hashToCurve("bulletproofs/G/" + i). */
    public static synchronized ECPoint[] g(int count) {
        if (gs.length < count) {
            gs = extend(gs, count, "bulletproofs/G/");
        }
        return Arrays.copyOf(gs, count);
    }

    /** H_0 … H_{count-1} of the range proofs: hashToCurve("bulletproofs/H/" + i). */
    public static synchronized ECPoint[] h(int count) {
        if (hs.length < count) {
            hs = extend(hs, count, "bulletproofs/H/");
        }
        return Arrays.copyOf(hs, count);
    }

    private static ECPoint[] extend(ECPoint[] known, int count, String prefix) {
        ECPoint[] more = Arrays.copyOf(known, count);
        for (int i = known.length; i < count; i++) {
            more[i] = hashToCurve(prefix + i);
        }
        return more;
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
