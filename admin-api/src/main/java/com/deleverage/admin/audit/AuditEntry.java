package com.deleverage.admin.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One row of the audit log: an event with its place in the hash chain.
 *
 * @param keyId the id of the audit key its hash is computed with (null only on a row not re-keyed yet)
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, AuditAction action, @Nullable String ruleSet,
                         @Nullable Integer version, @Nullable String versionHash, @Nullable String reason,
                         String prevHash, String hash, @Nullable String keyId) {
}
