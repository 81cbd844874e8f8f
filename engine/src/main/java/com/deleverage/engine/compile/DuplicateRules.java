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
