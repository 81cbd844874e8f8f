package com.deleverage.streaming;

import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the decisions topic says, read the way a consumer of it would: the latest record per key is the key's
 * decision in force. Actions are compared without their explanation (a resident sweep and a fresh evaluation
 * may match a rule on facts of different ticks, as the sweep's own equivalence tests allow) and as sorted texts.
 */
public final class DecisionTopic {
    private DecisionTopic() {
    }

    /** The actions in force per key ("account:ID" or "symbol:ID"), keys without actions left out. */
    public static Map<String, List<String>> inForce(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> latest = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode m = parse(r.value());
            List<String> actions = new ArrayList<>();
            m.get("actions").forEach(a -> actions.add(withoutExplanation(a)));
            actions.sort(null);
            latest.put(keyOf(m), actions);
        }
        latest.values().removeIf(List::isEmpty);
        return latest;
    }

    /** The same shape from a decision's actions (a fresh evaluation's, or an API response's). */
    public static Map<String, List<String>> of(List<DecidedAction> actions) {
        List<JsonNode> nodes = new ArrayList<>();
        actions.forEach(a -> nodes.add(DecisionView.action(a)));
        return ofJson(nodes);
    }

    /** The same shape from actions as JSON (the {@code actions} of {@code POST /evaluations}). */
    public static Map<String, List<String>> ofJson(Iterable<JsonNode> actions) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode a : actions) {
            String key = a.hasNonNull("account") ? "account:" + a.get("account").asText() : "symbol:" + a.get("symbol").asText();
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(withoutExplanation(a));
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /**
     * The problems of the topic as a record of decisions: ids seen twice, and a key whose record repeats its
     * previous one (same version, same actions: a decision published twice). Empty when there are none.
     */
    public static List<String> duplicates(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        Map<String, String> previous = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode m = parse(r.value());
            if (!ids.add(m.get("decisionId").asText())) {
                problems.add("decision " + m.get("decisionId").asText() + " twice");
            }
            List<String> actions = new ArrayList<>();
            m.get("actions").forEach(a -> actions.add(withoutExplanation(a)));
            actions.sort(null);
            String state = m.get("version").asText() + " " + actions;
            if (state.equals(previous.put(keyOf(m), state))) {
                problems.add(keyOf(m) + " repeated at tick " + m.get("tickId").asText());
            }
        }
        return problems;
    }

    /** The versions the records name, with their counts. */
    public static Map<Integer, Integer> versions(List<ConsumerRecord<String, String>> records) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        records.forEach(r -> out.merge(parse(r.value()).get("version").asInt(), 1, Integer::sum));
        return out;
    }

    /**
     * Every action in force, whatever its key, as sorted texts: a staged deployment keys the actions about an
     * account by the stage that decides them (the account, or the market and the account for a settlement).
     */
    public static List<String> allInForce(List<ConsumerRecord<String, String>> records) {
        return flatten(inForce(records));
    }

    /** Every action of a decision, as sorted texts. */
    public static List<String> all(List<DecidedAction> actions) {
        return flatten(of(actions));
    }

    /** Every action of a decision as JSON (an API response's {@code actions}), as sorted texts. */
    public static List<String> allOfJson(Iterable<JsonNode> actions) {
        return flatten(ofJson(actions));
    }

    private static List<String> flatten(Map<String, List<String>> byKey) {
        List<String> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        out.sort(null);
        return out;
    }

    private static String keyOf(JsonNode m) {
        if (m.hasNonNull("account") && m.hasNonNull("symbol")) {
            return "settlement:" + m.get("symbol").asText() + "/" + m.get("account").asText();
        }
        return m.hasNonNull("account") ? "account:" + m.get("account").asText() : "symbol:" + m.get("symbol").asText();
    }

    private static String withoutExplanation(JsonNode action) {
        ObjectNode copy = action.deepCopy();
        copy.remove("explanation");
        return copy.toString();
    }

    private static JsonNode parse(String text) {
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a decision: " + text, e);
        }
    }
}
