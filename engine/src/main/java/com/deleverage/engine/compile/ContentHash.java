package com.deleverage.engine.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a version's canonical content: files sorted by path, each contributing its path and its
 * text as UTF-8, each prefixed with its byte length so no two different file sets share an encoding.
 * Rendered as {@code sha256:<64 hex digits>}.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(Map<String, String> files) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            update(digest, file.getKey());
            update(digest, file.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
