package com.deleverage.verifier.zk;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The group of step 2: secp256k1 (SEC 2), through BouncyCastle's constant-parameter implementation. Points are
 * written as 33-byte SEC 1 compressed encodings (66 lower-case hex digits, never the point at infinity), scalars
 * as 32-byte big-endian integers below the group order (64 lower-case hex digits). Any other spelling is
 * refused, so one proof has exactly one encoding and one transcript.
 */
public final class Secp256k1 {
    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");
    public static final ECCurve CURVE = PARAMETERS.getCurve();
    /** The prime order n of the group: scalars are integers modulo n. */
    public static final BigInteger ORDER = PARAMETERS.getN();
    /** The prime p of the field the coordinates are in. */
    public static final BigInteger FIELD_PRIME = CURVE.getField().getCharacteristic();
    /** SEC 2's base point: the value generator G of every commitment. */
    public static final ECPoint G = PARAMETERS.getG().normalize();
    public static final int POINT_BYTES = 33;
    public static final int SCALAR_BYTES = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern POINT_HEX = Pattern.compile("0[23][0-9a-f]{64}");
    private static final Pattern SCALAR_HEX = Pattern.compile("[0-9a-f]{64}");

    private Secp256k1() {
    }

    private static final ECMultiplier FIXED_BASE = new FixedPointCombMultiplier();

    /**
     * {@code scalar·base} for a base used again and again (G, H, the range proofs' generators): BouncyCastle keeps a
     * comb table on the point after the first call, which makes the next ones several times faster.
     */
    public static ECPoint fixedBase(ECPoint base, BigInteger scalar) {
        return FIXED_BASE.multiply(base, scalar.mod(ORDER));
    }

    /** The 33-byte compressed encoding. */
    public static byte[] encode(ECPoint point) {
        if (point.isInfinity()) {
            throw new IllegalArgumentException("the point at infinity has no encoding in this format");
        }
        return point.getEncoded(true);
    }

    public static String hex(ECPoint point) {
        return HEX.formatHex(encode(point));
    }

    /** The 32-byte big-endian encoding of a scalar already reduced modulo n. */
    public static byte[] encode(BigInteger scalar) {
        if (scalar.signum() < 0 || scalar.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("a scalar is from 0 to n - 1");
        }
        byte[] raw = scalar.toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        int length = Math.min(raw.length, SCALAR_BYTES);
        System.arraycopy(raw, raw.length - length, out, SCALAR_BYTES - length, length);
        return out;
    }

    public static String hex(BigInteger scalar) {
        return HEX.formatHex(encode(scalar));
    }

    /** A point read strictly: compressed, on the curve, not the point at infinity. */
    public static ECPoint point(String hex, String field) throws ProofRejected {
        if (hex == null) {
            throw new ProofRejected(field + " is missing");
        }
        if (!POINT_HEX.matcher(hex).matches()) {
            throw new ProofRejected(field + " must be a compressed curve point: 66 lower-case hex digits starting 02 "
                    + "or 03, not '" + hex + "'");
        }
        byte[] bytes = HEX.parseHex(hex);
        if (new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, POINT_BYTES)).compareTo(FIELD_PRIME) >= 0) {
            throw new ProofRejected(field + "'s x coordinate is not below the field prime");
        }
        try {
            return CURVE.decodePoint(bytes).normalize();
        } catch (IllegalArgumentException e) {
            throw new ProofRejected(field + " is not a point of secp256k1 (" + e.getMessage() + ")");
        }
    }

    /** A scalar read strictly: 64 lower-case hex digits of a number below n. */
    public static BigInteger scalar(String hex, String field) throws ProofRejected {
        if (hex == null) {
            throw new ProofRejected(field + " is missing");
        }
        if (!SCALAR_HEX.matcher(hex).matches()) {
            throw new ProofRejected(field + " must be a scalar: 64 lower-case hex digits, not '" + hex + "'");
        }
        BigInteger value = new BigInteger(hex, 16);
        if (value.compareTo(ORDER) >= 0) {
            throw new ProofRejected(field + " is not below the group order n");
        }
        return value;
    }
}
