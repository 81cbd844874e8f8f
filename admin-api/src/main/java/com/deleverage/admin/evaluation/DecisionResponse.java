package com.deleverage.admin.evaluation;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * The evaluation response of the API contract: the engine's {@link DecisionView} (the shape scenario
 * files are written against, so API and scenarios cannot drift apart) with the two fields only the
 * server knows, {@code decisionId} first and {@code evaluatedAt} after {@code asOf}.
 */
final class DecisionResponse {
    private DecisionResponse() {
    }

    static ObjectNode of(String decisionId, Decision decision, Instant evaluatedAt) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("decisionId", decisionId);
        for (Map.Entry<String, JsonNode> field : DecisionView.of(decision).properties()) {
            response.set(field.getKey(), field.getValue());
            if (field.getKey().equals("asOf")) {
                response.put("evaluatedAt", evaluatedAt.toString());
            }
        }
        return response;
    }
}
