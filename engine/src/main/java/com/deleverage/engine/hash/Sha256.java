package com.deleverage.engine.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the platform writes it: {@code sha256:} and 64 lower-case hex digits. */
public final class Sha256 {
    public static final String PREFIX = "sha256:";

    private Sha256() {
    }

    /** The digest of the parts, one after the other. */
    public static byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** {@code sha256:<hex>} of the parts, one after the other. */
    public static String tagged(byte[]... parts) {
        return PREFIX + HexFormat.of().formatHex(digest(parts));
    }

    /** {@code sha256:<hex>} of the text's UTF-8 bytes. */
    public static String tagged(String text) {
        return tagged(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest of texts fed one by one (a stream's events), without keeping them. */
    public static final class Running {
        private final MessageDigest digest = newDigest();
        private long count;

        /** Adds the text's UTF-8 bytes. */
        public void add(String text) {
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            count++;
        }

        /** How many texts were added. */
        public long count() {
            return count;
        }

        /** {@code sha256:<hex>} of every text added, one after the other; the digest starts again empty. */
        public String tagged() {
            count = 0;
            return PREFIX + HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
