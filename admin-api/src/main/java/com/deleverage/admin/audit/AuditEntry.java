package com.deleverage.admin.audit;

import java.time.Instant;

/**
 * One row of the audit log: an event with its place in the hash chain.
 *
 * @param keyId the id of the audit key its hash is computed with (null only on a row not re-keyed yet)
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, AuditAction action, String ruleSet,
                         Integer version, String versionHash, String reason, String prevHash, String hash,
                         String keyId) {
}
