package com.deleverage.engine.stage;

import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link AccountHandover} as JSON text, the form it crosses the network in, read back exactly: a text, a
 * boolean, null and an Integer are JSON's own; a BigDecimal is {@code {"decimal": "1.50"}} (its value and scale
 * kept) and a
 * Long {@code {"long": "12"}}, so that every value comes back as the same type and an equal value:
 * <pre>{"accountId":"A1","facts":[{"type":"RiskClass","fields":{"accountId":"A1","equity":{"decimal":"-12.50"},
 * "riskRank":3,"backstop":false,"symbol":null}}]}</pre>
 */
public final class HandoverJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DECIMAL = "decimal";
    private static final String LONG = "long";

    private HandoverJson() {
    }

    public static String write(AccountHandover handover) {
        ObjectNode root = NODES.objectNode();
        root.put("accountId", handover.accountId());
        ArrayNode facts = root.putArray("facts");
        for (HandoverFact fact : handover.facts()) {
            ObjectNode node = facts.addObject();
            node.put("type", fact.type());
            ObjectNode fields = node.putObject("fields");
            fact.fields().forEach((name, value) -> fields.set(name, valueNode(value)));
        }
        try {
            return PlatformJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hand-over could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a hand-over in this form, saying where */
    public static AccountHandover read(String json) {
        JsonNode root;
        try {
            root = PlatformJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a hand-over is not valid JSON: " + e.getOriginalMessage());
        }
        requireObject(root, "the hand-over", Set.of("accountId", "facts"));
        String accountId = requireText(root.get("accountId"), "the hand-over's accountId");
        JsonNode facts = root.get("facts");
        if (facts == null || !facts.isArray()) {
            throw new IllegalArgumentException("the hand-over of " + accountId + " has no array 'facts'");
        }
        List<HandoverFact> read = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            String where = "fact " + i + " of the hand-over of " + accountId;
            JsonNode fact = facts.get(i);
            requireObject(fact, where, Set.of("type", "fields"));
            String type = requireText(fact.get("type"), "the type of " + where);
            JsonNode fields = fact.get("fields");
            if (fields == null || !fields.isObject()) {
                throw new IllegalArgumentException(where + " (" + type + ") has no object 'fields'");
            }
            TreeMap<String, Object> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), value(field.getValue(), "field '" + field.getKey() + "' of " + where));
            }
            read.add(new HandoverFact(type, values));
        }
        return new AccountHandover(accountId, read);
    }

    private static JsonNode valueNode(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.objectNode().put(LONG, number.toString());
            // BigDecimal's own text: new BigDecimal(text) gives back its value and scale, 1E+3 included
            case BigDecimal number -> NODES.objectNode().put(DECIMAL, number.toString());
            default -> throw new IllegalArgumentException("a hand-over field cannot hold a " + value.getClass().getName());
        };
    }

    private static Object value(JsonNode node, String where) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isObject() && node.size() == 1 && (node.has(DECIMAL) || node.has(LONG))) {
            boolean decimal = node.has(DECIMAL);
            String text = requireText(node.get(decimal ? DECIMAL : LONG), where);
            try {
                return decimal ? new BigDecimal(text) : (Object) Long.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not a " + (decimal ? "decimal" : "long"));
            }
        }
        throw new IllegalArgumentException(where + " is " + node + ": a hand-over value is a text, a boolean, null, an"
                + " int, {\"decimal\": \"...\"} or {\"long\": \"...\"}");
    }

    private static void requireObject(JsonNode node, String what, Set<String> names) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new IllegalArgumentException(what + " has an unknown member '" + name + "'; it has " + names);
            }
        }
    }

    private static String requireText(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(what + " is not a text");
        }
        return node.textValue();
    }
}
