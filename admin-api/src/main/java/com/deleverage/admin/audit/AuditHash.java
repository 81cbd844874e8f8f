package com.deleverage.admin.audit;

import com.deleverage.engine.hash.Sha256;

import javax.crypto.Mac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain hash of an audit row: HMAC-SHA256, under the key the row names, over a domain tag, the
 * previous row's hash and this row's canonical content (its sequence number and key id included, so a
 * row can be neither renumbered nor moved to another key). Each field is prefixed with its byte length
 * (null as {@code -1}) so no two different rows share an encoding; the time is its ISO-8601 UTC text.
 *
 * <p>Rows written before the chain was keyed used plain SHA-256 over the same fields ({@link #legacy});
 * that form is kept only to check such rows once, when they are re-keyed (AuditChainAdoption).
 */
public final class AuditHash {
    /** The {@code prev_hash} of the first row. */
    public static final String GENESIS = Sha256.PREFIX + "0".repeat(64);
    /** Prefix of a keyed hash; 5 + 64 characters fit the existing varchar(71) columns. */
    public static final String HMAC_PREFIX = "hmac:";
    private static final String ROW_DOMAIN = "deleveraging-audit-row/v2";

    private AuditHash() {
    }

    /** The keyed hash of a row; {@code mac} is a fresh HMAC under the key {@code keyId} names. */
    public static String keyed(Mac mac, String keyId, String prevHash, long seq, Instant occurredAt, String actor,
                               AuditAction action, String ruleSet, Integer version, String versionHash, String reason) {
        return mac(mac, ROW_DOMAIN, keyId, prevHash, Long.toString(seq), occurredAt.toString(), actor, action.name(),
                ruleSet, version == null ? null : version.toString(), versionHash, reason);
    }

    /** HMAC over the canonical encoding of {@code fields}, as {@code hmac:<hex>}. */
    public static String mac(Mac mac, String... fields) {
        mac.reset();
        return HMAC_PREFIX + HexFormat.of().formatHex(mac.doFinal(canonical(fields)));
    }

    /** SHA-256 over the canonical encoding of {@code fields}, as {@code sha256:<hex>}. */
    public static String sha256(String... fields) {
        return Sha256.tagged(canonical(fields));
    }

    /** The unkeyed hash of rows written before the chain was keyed (and what an attacker without the key computes). */
    public static String legacy(String prevHash, long seq, Instant occurredAt, String actor, AuditAction action,
                                String ruleSet, Integer version, String versionHash, String reason) {
        return sha256(prevHash, Long.toString(seq), occurredAt.toString(), actor, action.name(), ruleSet,
                version == null ? null : version.toString(), versionHash, reason);
    }

    /** Length-prefixed UTF-8 fields, {@code -1:} for null. */
    static byte[] canonical(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field == null) {
                out.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }
}
