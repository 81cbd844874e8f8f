package com.deleverage.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a decision (in the API's shape, see {@code DecisionView}) against a scenario's {@code expect}:
 * <ul>
 *   <li>{@code actions}: each listed action must match a distinct action of the decision on every field it
 *       lists (a subset match: list only the fields that matter);</li>
 *   <li>{@code exhaustive: true}: the decision has no action beyond those listed;</li>
 *   <li>{@code ordered: true}: the listed actions occur in the decision in that order;</li>
 *   <li>{@code absent}: no action of the decision matches any of these;</li>
 *   <li>{@code accounts}: per account {@code id} (and per position {@code symbol}) the listed figures;</li>
 *   <li>{@code firedRules}: names of rules that must have fired;</li>
 *   <li>{@code tolerance}: absolute tolerance for every decimal comparison (default 0: exact).</li>
 * </ul>
 */
final class Expectations {
    private static final Set<String> FIELDS = new java.util.TreeSet<>(List.of("absent", "accounts", "actions",
            "exhaustive", "firedRules", "ordered", "tolerance"));

    private Expectations() {
    }

    /** Rejects unknown keys up front, so a typo cannot make an expectation vacuous. */
    static void check(ObjectNode expect, String file, int line, String name) {
        expect.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new ScenarioFormatException(file, line, "scenario '" + name + "': unknown expectation '" + field
                        + "'; use one of " + FIELDS);
            }
        });
        String tolerance = expect.path("tolerance").asText("0");
        try {
            new BigDecimal(tolerance);
        } catch (NumberFormatException e) {
            throw new ScenarioFormatException(file, line, "scenario '" + name + "': tolerance '" + tolerance + "' is not a number");
        }
    }

    static List<String> failures(JsonNode expect, ObjectNode decision) {
        BigDecimal tolerance = new BigDecimal(expect.path("tolerance").asText("0"));
        List<String> failures = new ArrayList<>();
        List<JsonNode> actual = new ArrayList<>();
        decision.path("actions").forEach(actual::add);
        checkActions(expect, actual, tolerance, failures);
        for (JsonNode unwanted : expect.path("absent")) {
            for (JsonNode action : actual) {
                if (matches(unwanted, action, tolerance)) {
                    failures.add("expected no action like " + compact(unwanted) + " but the decision has " + compact(action));
                }
            }
        }
        for (JsonNode account : expect.path("accounts")) {
            checkAccount(account, decision, tolerance, failures);
        }
        Set<String> fired = new java.util.HashSet<>();
        decision.path("firedRules").forEach(f -> fired.add(f.path("rule").asText()));
        for (JsonNode rule : expect.path("firedRules")) {
            if (!fired.contains(rule.asText())) {
                failures.add("expected rule \"" + rule.asText() + "\" to fire; fired: " + fired);
            }
        }
        return failures;
    }

    private static void checkActions(JsonNode expect, List<JsonNode> actual, BigDecimal tolerance, List<String> failures) {
        List<JsonNode> unmatched = new ArrayList<>(actual);
        List<Integer> matchedAt = new ArrayList<>();
        for (JsonNode wanted : expect.path("actions")) {
            JsonNode match = unmatched.stream().filter(a -> matches(wanted, a, tolerance)).findFirst().orElse(null);
            if (match == null) {
                failures.add("expected an action like " + compact(wanted) + "; the decision's actions: " + list(actual));
            } else {
                unmatched.remove(match);
                matchedAt.add(indexOf(actual, match));
            }
        }
        if (expect.path("exhaustive").asBoolean(false) && !unmatched.isEmpty() && failures.isEmpty()) {
            failures.add("expected no other actions, but the decision also has " + list(unmatched));
        }
        if (expect.path("ordered").asBoolean(false)) {
            for (int i = 1; i < matchedAt.size(); i++) {
                if (matchedAt.get(i) < matchedAt.get(i - 1)) {
                    failures.add("expected the actions in the listed order; the decision's order: " + list(actual));
                    break;
                }
            }
        }
    }

    private static void checkAccount(JsonNode wanted, ObjectNode decision, BigDecimal tolerance, List<String> failures) {
        String id = wanted.path("id").asText();
        JsonNode account = find(decision.path("accounts"), "id", id);
        if (account == null) {
            failures.add("expected figures for account '" + id + "', which is not in the decision");
            return;
        }
        wanted.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("positions") && !same(field.getValue(), account.get(field.getKey()), tolerance)) {
                failures.add("account '" + id + "' " + field.getKey() + ": expected " + field.getValue().asText()
                        + ", got " + text(account.get(field.getKey())));
            }
        });
        for (JsonNode position : wanted.path("positions")) {
            String symbol = position.path("symbol").asText();
            JsonNode actual = find(account.path("positions"), "symbol", symbol);
            if (actual == null) {
                failures.add("account '" + id + "' has no position in '" + symbol + "'");
                continue;
            }
            position.fields().forEachRemaining(field -> {
                if (!same(field.getValue(), actual.get(field.getKey()), tolerance)) {
                    failures.add("account '" + id + "' position " + symbol + " " + field.getKey() + ": expected "
                            + field.getValue().asText() + ", got " + text(actual.get(field.getKey())));
                }
            });
        }
    }

    static boolean matches(JsonNode wanted, JsonNode actual, BigDecimal tolerance) {
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
            if (!same(field.getValue(), actual.get(field.getKey()), tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Decimals compare by value within the tolerance ("0.50" equals "0.5"); everything else by text; null matches absent. */
    private static boolean same(JsonNode wanted, JsonNode actual, BigDecimal tolerance) {
        boolean wantNothing = wanted == null || wanted.isNull();
        boolean haveNothing = actual == null || actual.isNull();
        if (wantNothing || haveNothing) {
            return wantNothing && haveNothing;
        }
        BigDecimal w = decimal(wanted.asText());
        BigDecimal a = decimal(actual.asText());
        if (w != null && a != null) {
            return w.subtract(a).abs().compareTo(tolerance) <= 0;
        }
        return wanted.asText().equals(actual.asText());
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(key).asText())) {
                return node;
            }
        }
        return null;
    }

    private static int indexOf(List<JsonNode> nodes, JsonNode node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "nothing" : node.asText();
    }

    private static String list(List<JsonNode> actions) {
        if (actions.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        actions.forEach(a -> parts.add(compact(a)));
        return String.join("; ", parts);
    }

    /** An action in one line without the wordy fields: {type=LIQUIDATE, account=acct-1, quantity=0.5}. */
    private static String compact(JsonNode node) {
        List<String> parts = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("reason") && !f.getKey().equals("explanation") && !(node instanceof ArrayNode)) {
                parts.add(f.getKey() + "=" + f.getValue().asText());
            }
        });
        return "{" + String.join(", ", parts) + "}";
    }
}
