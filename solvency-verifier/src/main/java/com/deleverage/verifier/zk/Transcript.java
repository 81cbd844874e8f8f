package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Fiat–Shamir transcript (docs/solvency.md, "Transcript"): a byte string of framed, labelled messages that
 * every challenge is hashed from, so each challenge depends on the protocol, the statement and every message
 * sent before it. {@code frame(b) = u32be(len(b)) ‖ b}; the transcript starts as
 * {@code frame(DOMAIN) ‖ frame(protocol)}; {@code append(label, data)} adds {@code frame(label) ‖ frame(data)};
 * {@code challenge(label)} is SHA-512(transcript ‖ frame("challenge") ‖ frame(label)) as a big-endian number
 * modulo n, and is then appended under its label.
 */
public final class Transcript {
    public static final String DOMAIN = "deleverage/solvency/v2/transcript";
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public Transcript(String protocol) {
        frame(utf8(DOMAIN));
        frame(utf8(protocol));
    }

    public Transcript append(String label, byte[] data) {
        frame(utf8(label));
        frame(data);
        return this;
    }

    public Transcript append(String label, ECPoint point) {
        return append(label, Secp256k1.encode(point));
    }

    public Transcript append(String label, BigInteger scalar) {
        return append(label, Secp256k1.encode(scalar));
    }

    /** A challenge scalar, never 0 (a zero would have probability 2^-256; it is refused rather than used). */
    public BigInteger challenge(String label) {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
        sha512.update(bytes.toByteArray());
        sha512.update(framed(utf8("challenge")));
        sha512.update(framed(utf8(label)));
        BigInteger challenge = new BigInteger(1, sha512.digest()).mod(Secp256k1.ORDER);
        if (challenge.signum() == 0) {
            throw new IllegalStateException("challenge " + label + " is 0");
        }
        append(label, challenge);
        return challenge;
    }

    private void frame(byte[] data) {
        bytes.writeBytes(framed(data));
    }

    private static byte[] framed(byte[] data) {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) (data.length >>> 24);
        out[1] = (byte) (data.length >>> 16);
        out[2] = (byte) (data.length >>> 8);
        out[3] = (byte) data.length;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
