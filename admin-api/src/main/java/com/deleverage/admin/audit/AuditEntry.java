package com.deleverage.admin.audit;

import java.time.Instant;

/** One row of the audit log: an event with its place in the hash chain. */
public record AuditEntry(long seq, Instant occurredAt, String actor, AuditAction action, String ruleSet,
                         Integer version, String versionHash, String reason, String prevHash, String hash) {
}
