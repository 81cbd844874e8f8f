package com.deleverage.engine.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light outline of one DRL file: its package, where each rule starts and ends, and where each type is
 * declared. Used to place the file in the KIE file system, to name the rule a compiler message's line falls in
 * and to cut one stage's rules out of a file; it is not a parser.
 *
 * @param declarations the 1-based line of each {@code declare}, by declared type name
 */
public record DrlOutline(String packageName, List<RuleStart> rules, Map<String, Integer> declarations) {

    /**
     * A rule, the 1-based line of its {@code rule} keyword and of the {@code end} that closes it (the file's last
     * line when none does).
     */
    public record RuleStart(String name, int line, int end) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    // A rule's body ends at a line holding only its 'end' keyword (and perhaps a comment).
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern DECLARE = Pattern.compile("^\\s*declare\\s+(?:enum\\s+)?(\\w+)");
    // The rule generated from parameters.yaml starts on its package line, after the imports.
    private static final Pattern IMPORTS = Pattern.compile("^(\\s*import\\s+[\\w.*]+\\s*;)*");

    public static DrlOutline of(String drl) {
        String packageName = "";
        List<RuleStart> rules = new ArrayList<>();
        Map<String, Integer> declarations = new LinkedHashMap<>();
        String[] lines = drl.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher pkg = PACKAGE.matcher(line);
            if (packageName.isEmpty() && pkg.find()) {
                packageName = pkg.group(1);
                line = line.substring(pkg.end());
                Matcher imports = IMPORTS.matcher(line);
                line = imports.find() ? line.substring(imports.end()) : line;
            }
            Matcher rule = RULE.matcher(line);
            Matcher declare = DECLARE.matcher(line);
            if (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                int end = i;
                while (end < lines.length - 1 && !END.matcher(lines[end]).matches()) {
                    end++;
                }
                rules.add(new RuleStart(name, i + 1, end + 1));
            } else if (declare.find()) {
                declarations.putIfAbsent(declare.group(1), i + 1);
            }
        }
        return new DrlOutline(packageName, List.copyOf(rules), Map.copyOf(declarations));
    }

    /** The rule whose text contains a line, or null when the line is outside every rule. */
    public String ruleAt(int line) {
        String name = null;
        for (RuleStart rule : rules) {
            if (rule.line() <= line) {
                name = rule.name();
            }
        }
        return name;
    }
}
