package com.deleverage.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light outline of one DRL file: its package and where each rule starts. Used to place the file in
 * the KIE file system and to name the rule a compiler message's line falls in; it is not a parser.
 */
public record DrlOutline(String packageName, List<RuleStart> rules) {

    /** A rule and the 1-based line of its {@code rule} keyword. */
    public record RuleStart(String name, int line) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    // The rule generated from parameters.yaml starts on its package line, after the imports.
    private static final Pattern IMPORTS = Pattern.compile("^(\\s*import\\s+[\\w.*]+\\s*;)*");

    public static DrlOutline of(String drl) {
        String packageName = "";
        List<RuleStart> rules = new ArrayList<>();
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
            if (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                rules.add(new RuleStart(name, i + 1));
            }
        }
        return new DrlOutline(packageName, List.copyOf(rules));
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
