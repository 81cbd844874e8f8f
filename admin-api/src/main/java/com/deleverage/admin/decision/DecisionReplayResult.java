package com.deleverage.admin.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A logged decision evaluated again from its logged input and version.
 *
 * @param reproduced whether the new decision equals the logged one field by field, decimals as exact strings
 * @param replayed   the new decision (without decisionId and evaluatedAt)
 * @param logged     the logged decision in the same shape; only when it was not reproduced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionReplayResult(String decisionId, String ruleSet, int version, String versionHash,
                                   String inputHash, boolean reproduced,
                                   @Schema(ref = "#/components/schemas/DecisionView") JsonNode replayed,
                                   @Schema(ref = "#/components/schemas/DecisionView") @Nullable JsonNode logged) {
}
