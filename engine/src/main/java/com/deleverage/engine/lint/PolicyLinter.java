package com.deleverage.engine.lint;

import com.deleverage.engine.compile.DrlOutline;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;
import com.deleverage.engine.sandbox.PolicyTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps policies to deciding. DRL runs arbitrary Java and the JVM has had no sandbox since the
 * SecurityManager was removed, so a policy may only import the platform's fact, action and math types,
 * {@code java.math}, {@code java.time} value types, {@code java.util} collection interfaces and
 * {@code java.lang} value types, and may not name anything that reaches the process, threads,
 * reflection, class loading, files or the network - in rules, functions, queries or globals alike.
 * See docs/errors/FORBIDDEN_IMPORT.md and FORBIDDEN_API.md.
 */
public final class PolicyLinter {
    public static final String FORBIDDEN_IMPORT = "FORBIDDEN_IMPORT";
    public static final String FORBIDDEN_API = "FORBIDDEN_API";
    public static final String IMPRECISE_DECIMAL = "IMPRECISE_DECIMAL";

    private static final List<String> ALLOWED_PREFIXES = List.of(
            "com.deleverage.engine.model.", "com.deleverage.engine.action.", "com.deleverage.engine.risk.",
            "com.deleverage.engine.math.", "java.math.");
    private static final List<String> ALLOWED_CLASSES = List.of(
            "com.deleverage.engine.evaluate.EvaluationContext",
            "java.time.Instant", "java.time.Duration",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Math",
            "java.lang.Double", "java.lang.Number");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.$*]+)", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\s+([\\w.$<>]+)", Pattern.MULTILINE);
    /** java.lang types that reach the process, threads, class loading or reflection. */
    private static final Pattern FORBIDDEN_TYPE = Pattern.compile("\\b(System|Runtime|Thread|ThreadGroup|ThreadLocal|"
            + "InheritableThreadLocal|ScopedValue|Process|ProcessBuilder|ProcessHandle|ClassLoader|Class|Module|ModuleLayer|"
            + "StackWalker|SecurityManager|Compiler)\\b");
    /** Calls that reach reflection, the process or the rule engine itself, whatever object they are made on. */
    private static final Pattern FORBIDDEN_CALL = Pattern.compile("\\.\\s*(getClass|forName|getDeclaredMethod|getDeclaredField|"
            + "getMethod|getField|setAccessible|newInstance|invoke|exec|exit|halt|loadLibrary|getKieRuntime|getKieBase|"
            + "getKieSession)\\s*\\(");
    /** A fractional literal without the B suffix is a double: 0.8 is 0.8000000000000000444 against a BigDecimal. */
    private static final Pattern DOUBLE_LITERAL = Pattern.compile("(?<![\\w.])(\\d+\\.\\d+)(?![\\w.])");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:java|javax|jdk|sun|com\\.sun|org|com|net|io|kotlin|scala)\\.[\\w.$]+)");

    public List<Finding> lint(Map<String, String> drlFiles) {
        List<Finding> findings = new ArrayList<>();
        drlFiles.forEach((path, text) -> lintFile(path, text, findings));
        return findings;
    }

    private void lintFile(String path, String text, List<Finding> findings) {
        DrlOutline outline = DrlOutline.of(text);
        String code = CodeText.of(text);
        Lines lines = new Lines(code);
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(2);
            if (!allowed(name)) {
                int at = imports.start(2);
                findings.add(finding(FORBIDDEN_IMPORT, path, lines, at, outline, "import of '" + name
                        + "' is not allowed: a policy may import only the platform's fact, action and math types, "
                        + "java.math, java.time.Instant/Duration, java.util collection interfaces and java.lang value types"));
            }
        }
        Matcher globals = GLOBAL.matcher(code);
        while (globals.find()) {
            String type = globals.group(1).replaceAll("<.*", "");
            if (type.contains(".") && !allowed(type)) {
                findings.add(finding(FORBIDDEN_IMPORT, path, lines, globals.start(1), outline,
                        "global of type '" + type + "' is not allowed in a policy"));
            }
        }
        java.util.Set<Integer> flaggedLines = new java.util.HashSet<>();
        for (Pattern forbidden : List.of(FORBIDDEN_TYPE, FORBIDDEN_CALL)) {
            Matcher names = forbidden.matcher(code);
            while (names.find()) {
                // One finding per line: System.exit(1) is one mistake, not two.
                if (flaggedLines.add(lines.line(names.start(1)))) {
                    findings.add(finding(FORBIDDEN_API, path, lines, names.start(1), outline, "'" + names.group(1)
                            + "' reaches the process, threads, reflection or the rule engine itself; a policy may only "
                            + "read facts and insert, modify or delete them"));
                }
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group(1);
            String statement = lines.lineText(lines.line(qualified.start())).trim();
            boolean declaration = statement.startsWith("import") || statement.startsWith("package")
                    || statement.startsWith("global");
            if (!declaration && !allowed(name)) {
                findings.add(finding(FORBIDDEN_API, path, lines, qualified.start(), outline, "'" + name
                        + "' is outside the types a policy may use"));
            }
        }
        Matcher literals = DOUBLE_LITERAL.matcher(code);
        while (literals.find()) {
            int line = lines.line(literals.start());
            findings.add(new Finding(IMPRECISE_DECIMAL, Severity.WARNING, path, line, lines.column(literals.start()),
                    outline.ruleAt(line), "'" + literals.group(1) + "' is a double, not a decimal: compared with a money or "
                    + "ratio field it is off in the 17th digit (0.8 is 0.8000000000000000444); write " + literals.group(1) + "B"));
        }
        int escape = code.indexOf("\\u");
        if (escape >= 0) {
            findings.add(finding(FORBIDDEN_API, path, lines, escape, outline,
                    "unicode escapes outside strings are not allowed: Java decodes them before compiling, so they can hide code"));
        }
    }

    private static boolean allowed(String name) {
        if (name.endsWith(".*")) {
            String pkg = name.substring(0, name.length() - 1);
            return ALLOWED_PREFIXES.contains(pkg);
        }
        return ALLOWED_CLASSES.contains(name) || ALLOWED_CLASSES.stream().anyMatch(c -> name.startsWith(c + "."))
                || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)
                // the sandbox's list is the boundary; the lint must not refuse what it allows
                || PolicyTypes.allowed(name) || allowedMember(name);
    }

    /** {@code java.util.Collections.emptyList}: a member of an allowed type. */
    private static boolean allowedMember(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && PolicyTypes.allowed(name.substring(0, dot));
    }

    private static Finding finding(String code, String path, Lines lines, int offset, DrlOutline outline, String message) {
        int line = lines.line(offset);
        return new Finding(code, Severity.ERROR, path, line, lines.column(offset), outline.ruleAt(line), message);
    }

    /** Offset to 1-based line and column. */
    private record Lines(String text) {
        int line(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        int column(int offset) {
            int start = text.lastIndexOf('\n', offset - 1) + 1;
            return offset - start + 1;
        }

        String lineText(int line) {
            return text.split("\n", -1)[line - 1];
        }
    }
}
