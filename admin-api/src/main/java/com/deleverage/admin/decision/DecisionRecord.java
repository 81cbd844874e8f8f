package com.deleverage.admin.decision;

import java.time.Instant;
import java.util.List;

/**
 * One row of the decision log.
 *
 * @param decisionId     the id the caller got
 * @param ruleSet        rule set name
 * @param version        the version that decided
 * @param versionHash    that version's content hash
 * @param inputHash      SHA-256 of the canonical input ({@link com.deleverage.admin.evaluation.CanonicalInput})
 * @param caller         the authenticated trading system
 * @param idempotencyKey the caller's Idempotency-Key, or null
 * @param asOf           the snapshot's time
 * @param evaluatedAt    when the platform decided
 * @param input          the request body as received, or null when not stored or purged after its retention
 * @param response       the response as sent (JSON)
 * @param actions        the response's actions (JSON array)
 * @param firedRules     the response's fired rules (JSON array)
 * @param ruleFirings    total rule firings
 * @param elapsedMicros  time spent assessing and firing, in microseconds
 * @param accounts       the accounts of the snapshot, for look-ups by account
 */
public record DecisionRecord(String decisionId, String ruleSet, int version, String versionHash, String inputHash,
                             String caller, String idempotencyKey, Instant asOf, Instant evaluatedAt, String input,
                             String response, String actions, String firedRules, int ruleFirings, long elapsedMicros,
                             List<String> accounts) {
    public DecisionRecord {
        accounts = List.copyOf(accounts);
    }
}
