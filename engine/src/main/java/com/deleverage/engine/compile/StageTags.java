package com.deleverage.engine.compile;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stage tags of a compiled knowledge base as Drools read them: each rule's {@code @stage(...)} value and the
 * declared types marked {@code @handover}; and the findings about them (an unknown stage value, a hand-over type
 * that cannot cross as data).
 */
final class StageTags {
    /** What a hand-over field may hold: it crosses the network as text (an enum as its name). */
    private static final Set<Class<?>> CROSSING = Set.of(String.class, BigDecimal.class, int.class, Integer.class,
            long.class, Long.class, boolean.class, Boolean.class);

    private StageTags() {
    }

    /** Each tagged rule's stage value, by rule name (untagged rules are absent). */
    static Map<String, String> byRule(KieBase kieBase) {
        Map<String, String> tags = new TreeMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(rule -> {
            Object tag = rule.getMetaData().get(Stage.TAG);
            if (tag != null || rule.getMetaData().containsKey(Stage.TAG)) {
                tags.put(rule.getName(), String.valueOf(tag));
            }
        }));
        return tags;
    }

    /** The declared types marked {@code @handover}. */
    static List<FactType> handoverTypes(KieBase kieBase) {
        List<FactType> types = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getFactTypes().forEach(type -> {
            if (type.getMetaData() != null && type.getMetaData().containsKey(Stage.HANDOVER)) {
                types.add(type);
            }
        }));
        return List.copyOf(types);
    }

    /**
     * Findings: a rule whose {@code @stage} names no stage ({@link FindingCodes#STAGE_UNKNOWN}), a hand-over type
     * without a text {@code accountId} or with a field that cannot cross as data ({@link
     * FindingCodes#HANDOVER_TYPE_INVALID}).
     */
    static List<Finding> findings(KieBase kieBase, Map<String, DrlOutline> outlines) {
        List<Finding> findings = new ArrayList<>();
        byRule(kieBase).forEach((rule, tag) -> {
            if (Stage.ofTag(tag).isEmpty()) {
                Located at = locate(outlines, rule);
                findings.add(new Finding(FindingCodes.STAGE_UNKNOWN, Severity.ERROR, at.file(), at.line(), 0, rule,
                        "@stage(\"" + tag + "\") names no stage: write @stage(\"account\") or @stage(\"market\"),"
                                + " or leave the tag out for a rule that runs in both stages"));
            }
        });
        for (FactType type : handoverTypes(kieBase)) {
            String simpleName = type.getSimpleName();
            Located at = locateType(outlines, simpleName);
            FactField account = type.getField("accountId");
            if (account == null || account.getType() != String.class) {
                findings.add(new Finding(FindingCodes.HANDOVER_TYPE_INVALID, Severity.ERROR, at.file(), at.line(), 0, null,
                        "the @handover type " + simpleName + " has no field 'accountId : String': a hand-over fact"
                                + " belongs to the account whose stage stated it"));
            }
            for (FactField field : type.getFields()) {
                if (!CROSSING.contains(field.getType()) && !field.getType().isEnum()) {
                    findings.add(new Finding(FindingCodes.HANDOVER_TYPE_INVALID, Severity.ERROR, at.file(), at.line(), 0,
                            null, "the field '" + field.getName() + " : " + field.getType().getSimpleName() + "' of the"
                            + " @handover type " + simpleName + " cannot cross stages: a hand-over field holds text, a"
                            + " BigDecimal, an int, a long, a boolean or an enum"));
                }
            }
        }
        return findings;
    }

    private record Located(String file, int line) {
    }

    private static Located locate(Map<String, DrlOutline> outlines, String rule) {
        for (Map.Entry<String, DrlOutline> e : outlines.entrySet()) {
            for (DrlOutline.RuleStart start : e.getValue().rules()) {
                if (start.name().equals(rule)) {
                    return new Located(e.getKey(), start.line());
                }
            }
        }
        return new Located(null, 0);
    }

    private static Located locateType(Map<String, DrlOutline> outlines, String simpleName) {
        for (Map.Entry<String, DrlOutline> e : outlines.entrySet()) {
            Integer line = e.getValue().declarations().get(simpleName);
            if (line != null) {
                return new Located(e.getKey(), line);
            }
        }
        return new Located(null, 0);
    }
}
