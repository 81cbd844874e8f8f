package com.deleverage.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds rules of one package that share a name. Drools would let the later file silently replace the
 * earlier rule; for a policy that is always a mistake.
 */
final class DuplicateRules {
    private DuplicateRules() {
    }

    /**
     * Drools reports a duplicate as "Duplicate rule name" plus a class clash of the generated consequence,
     * both at the first copy; the platform's finding, at the second copy, says it once and clearly.
     */
    static void replaceDroolsReports(List<Finding> findings, List<Finding> duplicates) {
        java.util.Set<String> names = new java.util.HashSet<>();
        duplicates.forEach(d -> names.add(d.rule()));
        findings.removeIf(f -> names.contains(f.rule()) && (f.code().equals(FindingCodes.DUPLICATE_RULE)
                || (f.code().equals(FindingCodes.CONSEQUENCE_ERROR) && f.message().contains("is already defined"))));
        findings.addAll(duplicates);
    }

    static List<Finding> find(Map<String, DrlOutline> outlines) {
        Map<String, String> firstSeen = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        outlines.forEach((path, outline) -> outline.rules().forEach(rule -> {
            String key = outline.packageName() + "/" + rule.name();
            String where = path + ":" + rule.line();
            String earlier = firstSeen.putIfAbsent(key, where);
            if (earlier != null) {
                findings.add(new Finding(FindingCodes.DUPLICATE_RULE, Severity.ERROR, path, rule.line(), 1,
                        rule.name(), "rule \"" + rule.name() + "\" is already defined at " + earlier
                        + "; rule names must be unique within package " + outline.packageName()));
            }
        }));
        return findings;
    }
}
