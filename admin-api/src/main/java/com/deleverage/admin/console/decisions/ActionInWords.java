package com.deleverage.admin.console.decisions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One action of a logged decision as a support desk reads it: what was done to which account and market (how
 * much, at which price, when the action says),
 * why (the policy's reason), and which rule in which file decided it on which facts, each fact written as
 * its type and its fields ({@code LiquidationPlan: accountId acct-1, symbol BTCUSDT}).
 */
public record ActionInWords(String type, String account, String symbol, String quantity, String price, String reason,
                            String rule, String file, List<String> facts) {

    public static ActionInWords of(JsonNode action) {
        JsonNode explanation = action.path("explanation");
        List<String> facts = new ArrayList<>();
        for (JsonNode fact : explanation.path("facts")) {
            facts.add(fact(fact));
        }
        return new ActionInWords(action.path("type").asText(), action.path("account").asText(""),
                action.path("symbol").asText(""), action.path("quantity").asText(""), action.path("price").asText(""),
                action.path("reason").asText(""),
                explanation.path("rule").asText(action.path("rule").asText("")), explanation.path("file").asText(""),
                facts);
    }

    private static String fact(JsonNode fact) {
        StringBuilder words = new StringBuilder(fact.path("fact").asText("fact")).append(':');
        String separator = " ";
        for (Iterator<Map.Entry<String, JsonNode>> fields = fact.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("fact")) {
                JsonNode value = field.getValue();
                words.append(separator).append(field.getKey()).append(' ')
                        .append(value.isValueNode() ? value.asText() : value.toString());
                separator = ", ";
            }
        }
        return words.toString();
    }
}
