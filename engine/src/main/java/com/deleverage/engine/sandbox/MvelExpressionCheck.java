package com.deleverage.engine.sandbox;

import java.util.Optional;
import java.util.Set;

/**
 * Checks an expression Drools hands to MVEL rather than to the Java compiler - a pattern's constraint, a
 * {@code from} source, a salience - token by token: no statements, assignments, blocks, {@code new},
 * lambdas or interpolation; no call of the policy's own functions (Drools re-evaluates conditions on a
 * background thread to compile them, where nothing is metered); every identifier is a binding, a global,
 * an allowed class, an operator word, or a member name from {@link MvelNames}. MVEL code is interpreted (or compiled
 * by MVEL itself), so the bytecode check never sees it: this check is its boundary.
 */
final class MvelExpressionCheck {
    private static final Set<String> WORDS = Set.of("true", "false", "null", "this", "in", "not", "contains",
            "memberOf", "excludes", "instanceof", "soundslike", "str", "after", "before", "coincides", "during",
            "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby", "startsWith", "endsWith", "length");
    private static final Set<String> REFUSED_WORDS = Set.of("new", "def", "function", "foreach", "for", "while",
            "do", "if", "else", "return", "import", "with", "modify", "assert", "isdef", "var", "until", "switch",
            "drools", "kcontext", "matches", "empty", "nil", "is");
    private static final java.util.regex.Pattern DECIMAL_FACTORY = java.util.regex.Pattern.compile("BigDecimal\\s*\\.\\s*valueOf");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<=", ">=", "&&", "||", "!.", "<", ">", "!", "+",
            "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", "?", ":");

    /** What an expression may name besides members: its rule's bindings, globals, functions and classes. */
    record Scope(Set<String> bindings, Set<String> functions, Set<String> classes, Set<String> members) {
    }

    private MvelExpressionCheck() {
    }

    /** The first problem of {@code expression}, or empty when it stays inside the allow-list. */
    static Optional<String> check(String expression, Scope scope) {
        if (DECIMAL_FACTORY.matcher(expression).find()) {
            // valueOf(unscaled, scale) builds a decimal of any scale; MVEL would run it unmetered
            return Optional.of("BigDecimal.valueOf; write the figure as a literal (1.5B)");
        }
        String s = expression;
        int i = 0;
        String previous = "";
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != c) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= s.length()) {
                    return Optional.of("an unterminated string");
                }
                i = end + 1;
                previous = "literal";
                continue;
            }
            if (Character.isDigit(c)) {
                int end = i;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.'
                        && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1)))) {
                    end++;
                }
                String number = s.substring(i, end);
                boolean hex = number.startsWith("0x") || number.startsWith("0X");
                if (number.length() > 40 || !hex && (number.contains("e") || number.contains("E"))) {
                    return Optional.of("the number '" + number + "': write decimals out in full (no exponent), at most 40 characters");
                }
                i = end;
                previous = "literal";
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(i, end);
                int next = end;
                while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                    next++;
                }
                boolean member = previous.equals(".") || previous.equals("!.");
                boolean call = next < s.length() && s.charAt(next) == '(';
                if (!member) {
                    int qualified = qualifiedClassEnd(s, i);
                    if (qualified > 0) {
                        i = qualified;
                        previous = "class";
                        continue;
                    }
                    Optional<String> named = namedClass(s, i);
                    if (named.isPresent()) {
                        return named;
                    }
                }
                Optional<String> problem = member ? member(word, call, scope) : head(word, call, scope);
                if (problem.isPresent()) {
                    return problem;
                }
                i = end;
                previous = word;
                continue;
            }
            String op = operator(s, i);
            if (op == null) {
                return Optional.of("'" + c + "' (statements, assignments, blocks, casts and interpolation are not allowed in a condition)");
            }
            i += op.length();
            previous = op;
        }
        return Optional.empty();
    }

    /**
     * A member after a dot. A call must name a method of the allowed types; a property may be any field of
     * the policy's facts (an unknown one does not compile), but never one of the refused names.
     */
    private static Optional<String> member(String word, boolean call, Scope scope) {
        if (MvelNames.refused(word)) {
            return Optional.of("'" + word + "', which reaches reflection, the process or the rule engine");
        }
        return !call || MvelNames.allows(word) || scope.members().contains(word) ? Optional.empty()
                : Optional.of("'" + word + "()', which is not a method of the types a policy may use");
    }

    /**
     * A dotted name that MVEL would resolve to a class outside the allow-list ({@code java.nio.file.Files}),
     * found the way MVEL finds it: by loading each prefix of the name as a class.
     */
    private static Optional<String> namedClass(String s, int start) {
        StringBuilder name = new StringBuilder();
        int i = start;
        while (i < s.length() && Character.isJavaIdentifierStart(s.charAt(i))) {
            int end = i;
            while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
                end++;
            }
            name.append(s, i, end);
            if (name.indexOf(".") > 0 && loadable(name.toString())
                    && !PolicyApi.allowsType(name.toString().replace('.', '/'), Set.of())) {
                return Optional.of("the class " + name + ", which is outside the types a policy may use");
            }
            int next = end;
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            if (next >= s.length() || s.charAt(next) != '.') {
                break;
            }
            name.append('.');
            i = next + 1;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, MvelExpressionCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** End of a qualified name of an allowed class starting at {@code start} ({@code java.time.Instant}), or -1. */
    private static int qualifiedClassEnd(String s, int start) {
        int best = -1;
        int i = start;
        StringBuilder name = new StringBuilder();
        while (i < s.length() && Character.isJavaIdentifierStart(s.charAt(i))) {
            int end = i;
            while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
                end++;
            }
            name.append(s, i, end);
            if (name.indexOf(".") > 0 && PolicyApi.allowsType(name.toString().replace('.', '/'), Set.of())) {
                best = end;
            }
            if (end >= s.length() || s.charAt(end) != '.') {
                break;
            }
            name.append('.');
            i = end + 1;
        }
        return best;
    }

    private static Optional<String> head(String word, boolean call, Scope scope) {
        if (REFUSED_WORDS.contains(word)) {
            return Optional.of("'" + word + "', which a condition may not use");
        }
        if (call && scope.functions().contains(word)) {
            // Drools evaluates conditions again on a background thread to compile them, outside any
            // evaluation's meter: a condition may run the engine's and the JDK's code, never the policy's.
            return Optional.of("the function '" + word + "()': a condition, 'from' or salience may not call the "
                    + "policy's functions; test the result with eval(" + word + "(...)), which runs metered");
        }
        if (WORDS.contains(word) || scope.bindings().contains(word) || word.startsWith("$")
                || scope.classes().contains(word)) {
            return Optional.empty();
        }
        if (MvelNames.refused(word)) {
            return Optional.of("'" + word + "', which reaches reflection, the process or the rule engine");
        }
        if (MvelNames.allows(word) || scope.members().contains(word) || !call && Character.isLowerCase(word.charAt(0))) {
            return Optional.empty(); // a field or method of the pattern's fact (an unknown field does not compile)
        }
        return Optional.of("'" + word + "', which is not a binding, a field, a function of the policy or a type it may use");
    }

    private static String operator(String s, int i) {
        if (i + 1 < s.length()) {
            String two = s.substring(i, i + 2);
            if (OPERATORS.contains(two)) {
                return two;
            }
            if (two.equals("+=") || two.equals("-=") || two.equals("*=") || two.equals("/=") || two.equals("++")
                    || two.equals("--")) {
                return null;
            }
        }
        String one = s.substring(i, i + 1);
        return OPERATORS.contains(one) ? one : null;
    }
}
