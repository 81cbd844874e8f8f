package com.deleverage.engine.compile;

import com.deleverage.engine.sandbox.PolicyVerifier;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the sandbox's bytecode check found into {@code FORBIDDEN_API} findings located in the DRL:
 * the file and rule come from the rule whose generated class it is (or the file that declares the
 * function), the line from Drools' mapping of generated lines to DRL lines.
 */
final class ForbiddenCode {
    static final String FORBIDDEN_API = "FORBIDDEN_API";
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");

    private ForbiddenCode() {
    }

    static List<Finding> findings(List<PolicyVerifier.Located> violations, KieBase kieBase,
                                  Map<String, DroolsMessages.Source> sourceByKiePath) {
        Map<String, RuleImpl> ruleByClass = rulesByClass(kieBase);
        Set<Finding> findings = new LinkedHashSet<>();
        for (PolicyVerifier.Located v : violations) {
            RuleImpl rule = ruleByClass.get(v.className());
            DroolsMessages.Source source = rule != null && rule.getResource() != null
                    ? sourceByKiePath.get(rule.getResource().getSourcePath()) : functionSource(v.className(), sourceByKiePath);
            String file = source == null ? null : source.path();
            String ruleName = rule != null ? rule.getName() : source == null ? null : source.outline().ruleAt(v.drlLine());
            findings.add(new Finding(FORBIDDEN_API, Severity.ERROR, file, v.drlLine(), 0, ruleName, v.message()));
        }
        return List.copyOf(findings);
    }

    /** Rule class name ({@code pkg.Rule_name123}) to rule: Drools names each consequence invoker after its rule class. */
    private static Map<String, RuleImpl> rulesByClass(KieBase kieBase) {
        Map<String, RuleImpl> byClass = new HashMap<>();
        java.util.Arrays.stream(((InternalRuleBase) kieBase).getPackages()).forEach(pkg -> pkg.getRules().forEach(r -> {
            RuleImpl rule = (RuleImpl) r;
            if (rule.getConsequence() != null) {
                String invoker = rule.getConsequence().getClass().getName();
                int suffix = invoker.lastIndexOf("DefaultConsequenceInvoker");
                if (suffix > 0) {
                    byClass.put(invoker.substring(0, suffix), rule);
                }
            }
        }));
        return byClass;
    }

    /** The file that declares the function a function class ({@code pkg.RankAt}) was generated from. */
    private static DroolsMessages.Source functionSource(String className, Map<String, DroolsMessages.Source> sources) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String function = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        for (DroolsMessages.Source source : sources.values()) {
            Matcher m = FUNCTION.matcher(String.join("\n", source.lines()));
            while (m.find()) {
                if (m.group(1).equals(function) || m.group(1).equals(simple)) {
                    return source;
                }
            }
        }
        return null;
    }
}
