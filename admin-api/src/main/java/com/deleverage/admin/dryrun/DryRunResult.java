package com.deleverage.admin.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a dry run answers: both decisions about the snapshot and their difference.
 *
 * @param ruleSet   the rule set of both versions
 * @param active    the active version's decision (the evaluation response without decisionId and evaluatedAt)
 * @param candidate the candidate version's decision, in the same shape
 * @param diff      how the candidate's actions differ from the active version's
 */
public record DryRunResult(String ruleSet,
                           @Schema(ref = "#/components/schemas/DecisionView") JsonNode active,
                           @Schema(ref = "#/components/schemas/DecisionView") JsonNode candidate,
                           @Schema(ref = "#/components/schemas/DecisionDiff") JsonNode diff) {
}
