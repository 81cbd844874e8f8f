package com.deleverage.engine.validate;

import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.compile.DrlOutline;
import com.deleverage.engine.compile.PolicySources;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a candidate version takes away from the active one: files, rules (by name), scenario files, and action
 * types that no rule produces any more. Staging only an edited {@code parameters.drl} as a whole version once
 * made a version of that one file, which validated with a warning and, once active, never liquidated anyone:
 * removing is allowed, but only when the author says so.
 */
public final class RemovalCheck {
    private static final int NAMES_SHOWN = 10;

    private RemovalCheck() {
    }

    /**
     * One {@link PolicyValidator#REMOVES_RULES} finding when the candidate removes anything: an ERROR, or a
     * WARNING when {@code allowRemovals}; empty when it removes nothing.
     *
     * @param activeVersion the active version's number, named in the message
     */
    public static Optional<Finding> compare(int activeVersion, Map<String, String> active,
                                            Map<String, String> candidate, boolean allowRemovals) {
        List<String> parts = new ArrayList<>();
        // Each version's DRL once: with a parameters file, reading the sources parses every .drl file.
        Map<String, String> activeDrl = PolicySources.of(active).drl();
        Map<String, String> candidateDrl = PolicySources.of(candidate).drl();
        Set<String> removedRules = minus(rules(activeDrl), rules(candidateDrl));
        if (!removedRules.isEmpty()) {
            parts.add(count(removedRules.size(), "rule") + " (" + sample(removedRules) + ")");
        }
        Set<String> removedScenarios = minus(scenarioFiles(active), scenarioFiles(candidate));
        if (!removedScenarios.isEmpty()) {
            parts.add(count(removedScenarios.size(), "scenario file") + " (" + sample(removedScenarios) + ")");
        }
        Set<String> removedFiles = minus(nonScenarioFiles(active), nonScenarioFiles(candidate));
        if (!removedFiles.isEmpty()) {
            parts.add(count(removedFiles.size(), "other file") + " (" + sample(removedFiles) + ")");
        }
        Set<String> unproduced = minus(actionsProduced(activeDrl), actionsProduced(candidateDrl));
        if (!unproduced.isEmpty()) {
            parts.add("every rule producing " + String.join(", ", unproduced));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String message = "compared with the active version v" + activeVersion + ", this version removes "
                + String.join("; ", parts) + (allowRemovals
                ? " (allowed by \"allowRemovals\": true)"
                : ". Stage a change on top of the active version (\"baseVersion\" and \"changes\") to keep the "
                + "rest, or say \"allowRemovals\": true if the removal is intended");
        return Optional.of(new Finding(PolicyValidator.REMOVES_RULES, allowRemovals ? Severity.WARNING : Severity.ERROR,
                null, 0, 0, null, message));
    }

    private static Set<String> rules(Map<String, String> drl) {
        Set<String> names = new TreeSet<>();
        drl.values().forEach(text -> DrlOutline.of(text).rules().forEach(rule -> names.add(rule.name())));
        return names;
    }

    private static Set<String> scenarioFiles(Map<String, String> files) {
        return files.keySet().stream().filter(RemovalCheck::isScenario).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> nonScenarioFiles(Map<String, String> files) {
        return files.keySet().stream().filter(p -> !isScenario(p)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isScenario(String path) {
        return path.startsWith("scenarios/");
    }

    /** The action types whose class the version's DRL constructs ({@code new Liquidate(...)}), in API names. */
    private static Set<String> actionsProduced(Map<String, String> drlFiles) {
        String drl = String.join("\n", drlFiles.values());
        Set<String> produced = new TreeSet<>();
        for (ActionType type : ActionType.values()) {
            if (Pattern.compile("\\bnew\\s+" + className(type) + "\\s*\\(").matcher(drl).find()) {
                produced.add(type.name());
            }
        }
        return produced;
    }

    /** MARGIN_CALL is {@code MarginCall}: the action classes are named after their types. */
    private static String className(ActionType type) {
        return Arrays.stream(type.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase()).collect(Collectors.joining());
    }

    private static Set<String> minus(Set<String> before, Set<String> after) {
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        return removed;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String sample(Set<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }
}
