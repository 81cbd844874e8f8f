package com.deleverage.admin.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain hash of an audit row: SHA-256 over the previous row's hash and this row's canonical content.
 * Each field is prefixed with its byte length (null as {@code -1}) so no two different rows share an
 * encoding; the time is its ISO-8601 UTC text.
 */
public final class AuditHash {
    /** The {@code prev_hash} of the first row. */
    public static final String GENESIS = "sha256:" + "0".repeat(64);

    private AuditHash() {
    }

    public static String of(String prevHash, long seq, Instant occurredAt, String actor, AuditAction action,
                            String ruleSet, Integer version, String versionHash, String reason) {
        MessageDigest digest = sha256();
        for (String field : new String[]{prevHash, Long.toString(seq), occurredAt.toString(), actor, action.name(),
                ruleSet, version == null ? null : version.toString(), versionHash, reason}) {
            if (field == null) {
                digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    static String of(AuditEntry e) {
        return of(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.ruleSet(), e.version(),
                e.versionHash(), e.reason());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
