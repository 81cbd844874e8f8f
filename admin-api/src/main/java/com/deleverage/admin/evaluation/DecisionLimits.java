package com.deleverage.admin.evaluation;

import com.deleverage.admin.refusal.Unprocessable;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

import java.util.Map;

/**
 * What one decision may hold before it is logged and answered: no text in an action (its reason, rule,
 * explanation...) longer than {@code deleveraging.limits.max-action-text} characters, and the whole
 * response no longer than {@code max-decision-size} characters (checked at start; defaults: application.yml).
 * A policy whose reason grew to 60 MB added 122 MB to the database per evaluation and made decision
 * searches fail; such a decision is refused with 422, like any other policy failure, and nothing is
 * logged. (The text was still built in memory by the policy: the engine must bound it where actions are
 * made.)
 */
@Context
@ConfigurationProperties("deleveraging.limits")
public record DecisionLimits(@Min(1) int maxActionText, @Min(1) int maxDecisionSize) {

    /** @throws Unprocessable when the decision exceeds a limit */
    void check(JsonNode response, String json, String ruleSet, int version) {
        JsonNode actions = response.path("actions");
        for (int i = 0; i < actions.size(); i++) {
            String longest = longestText(actions.get(i), "actions[" + i + "]");
            if (longest != null) {
                throw new Unprocessable("the decision of " + ruleSet + " v" + version + " is refused: "
                        + longest + "; at most " + maxActionText + " characters are accepted "
                        + "(deleveraging.limits.max-action-text). The policy must write shorter texts; nothing was logged");
            }
        }
        if (json.length() > maxDecisionSize) {
            throw new Unprocessable("the decision of " + ruleSet + " v" + version + " is refused: it is "
                    + json.length() + " characters long; at most " + maxDecisionSize + " are accepted "
                    + "(deleveraging.limits.max-decision-size). Split the snapshot; nothing was logged");
        }
    }

    /** The first text in {@code node} over the limit, as "path is N characters long", or null. */
    private String longestText(JsonNode node, String at) {
        if (node.isTextual()) {
            int length = node.textValue().length();
            return length > maxActionText ? at + " is " + length + " characters long" : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = longestText(node.get(i), at + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String found = longestText(field.getValue(), at + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
