package com.deleverage.engine.compile;

import com.deleverage.engine.hash.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over a version's canonical content: files sorted by path, each contributing its path and its
 * text as UTF-8, each prefixed with its byte length so no two different file sets share an encoding.
 * Rendered as {@code sha256:<64 hex digits>} ({@link Sha256#tagged}).
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(Map<String, String> files) {
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            addPrefixed(parts, file.getKey());
            addPrefixed(parts, file.getValue());
        }
        return Sha256.tagged(parts.toArray(byte[][]::new));
    }

    private static void addPrefixed(List<byte[]> parts, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parts.add((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        parts.add(bytes);
    }
}
