package com.deleverage.admin.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A decision log row in a list: everything but the input and the full response.
 *
 * @param idempotencyKey the caller's Idempotency-Key; {@code null} (written, not left out) when it had none, as
 *                       the search has always answered
 * @param actions        the decision's actions, with their explanations
 */
public record DecisionSummary(String decisionId, String ruleSet, int version, String versionHash, String inputHash,
                              String caller,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) String idempotencyKey,
                              Instant asOf, Instant evaluatedAt,
                              @ArraySchema(schema = @Schema(ref = "#/components/schemas/Action")) JsonNode actions,
                              int ruleFirings, long elapsedMicros) {
}
