package com.deleverage.admin.decision;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A decision log row in a list: everything but the input and the full response. */
public record DecisionSummary(String decisionId, String ruleSet, int version, String versionHash, String inputHash,
                              String caller, String idempotencyKey, Instant asOf, Instant evaluatedAt,
                              JsonNode actions, int ruleFirings, long elapsedMicros) {
}
