package com.deleverage.engine.compare;

import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one decision does differently from another about the same snapshot (a candidate version
 * against the active one). Actions are matched by what they act on - type, account, market and
 * counterparty - and compared on what they do (quantities, prices, amounts, levels); which rule
 * produced an action and how its reason is worded are not differences.
 *
 * @param added    actions only the candidate takes
 * @param removed  actions only the baseline takes
 * @param changed  actions both take, with different figures
 * @param accounts every account with an added, removed or changed action, sorted
 */
public record DecisionDiff(List<ObjectNode> added, List<ObjectNode> removed, List<Change> changed,
                           Set<String> accounts) {

    /** The same action with other figures. */
    public record Change(ObjectNode before, ObjectNode after) {
    }

    private static final Set<String> NOT_COMPARED = Set.of("rule", "reason", "explanation");

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static DecisionDiff between(Decision baseline, Decision candidate) {
        Map<String, List<ObjectNode>> before = byTarget(baseline);
        Map<String, List<ObjectNode>> after = byTarget(candidate);
        List<ObjectNode> added = new ArrayList<>();
        List<ObjectNode> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            List<ObjectNode> was = before.getOrDefault(key, List.of());
            List<ObjectNode> is = after.getOrDefault(key, List.of());
            for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
                if (i >= was.size()) {
                    added.add(is.get(i));
                } else if (i >= is.size()) {
                    removed.add(was.get(i));
                } else if (!substance(was.get(i)).equals(substance(is.get(i)))) {
                    changed.add(new Change(was.get(i), is.get(i)));
                }
            }
        }
        Set<String> accounts = new TreeSet<>();
        added.forEach(a -> collectAccounts(a, accounts));
        removed.forEach(a -> collectAccounts(a, accounts));
        changed.forEach(c -> collectAccounts(c.after(), accounts));
        return new DecisionDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), accounts);
    }

    /** Actions grouped by what they act on, in decision order within a group. */
    private static Map<String, List<ObjectNode>> byTarget(Decision decision) {
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (DecidedAction action : decision.actions()) {
            ObjectNode node = DecisionView.action(action);
            String key = String.join("|", node.path("type").asText(), node.path("account").asText(""),
                    node.path("symbol").asText(""), node.path("counterparty").asText(""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
        }
        return groups;
    }

    private static ObjectNode substance(ObjectNode action) {
        ObjectNode copy = action.deepCopy();
        copy.remove(NOT_COMPARED);
        return copy;
    }

    private static void collectAccounts(ObjectNode action, Set<String> accounts) {
        for (String field : List.of("account", "counterparty")) {
            if (action.hasNonNull(field)) {
                accounts.add(action.get(field).asText());
            }
        }
    }
}
