package com.deleverage.engine.compile;

import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns KieBuilder messages into located, classified {@link Finding}s: a risk officer sees
 * "PositionRisk has no field 'marginRatioo'" at file, line and column, never a stack trace.
 */
final class DroolsMessages {
    private static final Pattern PARSER_ERROR = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)", Pattern.DOTALL);
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNRESOLVED_NAME = Pattern.compile("(\\w+) cannot be resolved");
    private static final Pattern UNANALYSABLE = Pattern.compile(
            "Unable to analy[sz]e expression\\s+'?(.+?)'?\\s*(?::\\R|:?$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern UNBOUND = Pattern.compile("strict-mode: [\\w.$]+\\.(\\$\\w+)\\(\\)");
    private static final Pattern JAVA_FAILURE = Pattern.compile("Cannot invoke|NullPointerException|because \"?[\\w.]+\"? is null");
    private static final Pattern BOUND_TWICE = Pattern.compile("Duplicate declaration for variable '([^']+)'");
    private static final Pattern UNKNOWN_ACCUMULATE = Pattern.compile("Unknown accumulate function: '([^']+)'");
    private static final Pattern UNKNOWN_WATCHED = Pattern.compile("Unknown property (\\S+) in @Watch");
    private static final Pattern UNKNOWN_JAVA_TYPE = Pattern.compile("(\\w+) cannot be resolved to a type");
    private static final Pattern QUOTED_NAME = Pattern.compile("'([\\w$.]{1,80})'");
    private static final String CONSEQUENCE = "Rule Compilation error";
    private static final String DUPLICATE_NAME = "Duplicate rule name";
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final String UNREADABLE = "the file could not be read as DRL";

    private DroolsMessages() {
    }

    /** A source file of the version with its outline. */
    record Source(String path, String[] lines, DrlOutline outline) {
        static Source of(String path, String text) {
            return new Source(path, text.split("\\R", -1), DrlOutline.of(text));
        }

        /** 1-based column of the first whole-word occurrence of a token on a line, or 0. */
        int columnOf(int line, String token) {
            if (line < 1 || line > lines.length) {
                return 0;
            }
            Matcher m = Pattern.compile("\\b" + Pattern.quote(token) + "\\b").matcher(lines[line - 1]);
            return m.find() ? m.start() + 1 : 0;
        }

        /** First line holding {@code text} (Drools leaves some conditions unlocated), or 0. */
        int lineContaining(String text) {
            for (int line = 1; text != null && line <= lines.length; line++) {
                if (lines[line - 1].contains(text)) {
                    return line;
                }
            }
            return 0;
        }

        /** First line at or after {@code from} holding the token as a word, or 0. */
        int lineOf(String token, int from) {
            for (int line = Math.max(1, from); line <= lines.length; line++) {
                if (columnOf(line, token) > 0) {
                    return line;
                }
            }
            return 0;
        }
    }

    static List<Finding> toFindings(List<Message> messages, Map<String, Source> sourceByKiePath) {
        List<Finding> findings = new ArrayList<>();
        for (Message message : messages) {
            findings.add(toFinding(message, sourceByKiePath));
        }
        // The parser adds "null Package" after every syntax error of a file: it is noise, not a second error.
        findings.removeIf(f -> f.message().equals(UNREADABLE) && findings.stream()
                .anyMatch(o -> o != f && o.isError() && java.util.Objects.equals(o.file(), f.file())));
        // Drools reports one condition it cannot analyse up to three times, in slightly different words.
        return findings.stream().distinct().toList();
    }

    private static Finding toFinding(Message message, Map<String, Source> sourceByKiePath) {
        Source source = message.getPath() == null ? null : sourceByKiePath.get(message.getPath());
        String file = source != null ? source.path() : message.getPath();
        String text = message.getText() == null ? "" : message.getText().strip();
        int line = Math.max(0, message.getLine());
        if (message.getLevel() != Message.Level.ERROR) {
            Severity severity = message.getLevel() == Message.Level.WARNING ? Severity.WARNING : Severity.INFO;
            return new Finding(FindingCodes.COMPILE_WARNING, severity, file, line, 0, ruleAt(source, line), text);
        }

        if (text.startsWith(DUPLICATE_NAME)) { // replaced by DuplicateRules' finding, which names both places
            return new Finding(FindingCodes.DUPLICATE_RULE, Severity.ERROR, file, line, 0, ruleAt(source, line),
                    "a rule of this name is already defined in the package; rule names must be unique");
        }
        if (text.startsWith(NULL_PACKAGE)) {
            return new Finding(FindingCodes.DRL_SYNTAX, Severity.ERROR, file, 0, 0, null, UNREADABLE);
        }
        Matcher parser = PARSER_ERROR.matcher(text);
        if (parser.find()) {
            int parserLine = Integer.parseInt(parser.group(1));
            int column = Integer.parseInt(parser.group(2)) + 1;
            return new Finding(FindingCodes.DRL_SYNTAX, Severity.ERROR, file, parserLine, column,
                    ruleAt(source, parserLine), "syntax error: " + parser.group(3).strip());
        }
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.find()) {
            String name = type.group(1);
            return new Finding(FindingCodes.UNKNOWN_TYPE, Severity.ERROR, file, line, column(source, line, name),
                    ruleAt(source, line), "unknown fact type '" + name
                    + "': check its spelling and that the file imports it (see docs/reference/facts.md)");
        }
        Matcher field = UNKNOWN_FIELD.matcher(text);
        if (field.find()) {
            String owner = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
            String name = field.group(2);
            return new Finding(FindingCodes.UNKNOWN_FIELD, Severity.ERROR, file, line, column(source, line, name),
                    ruleAt(source, line), owner + " has no field '" + name + "' (see docs/reference/facts.md)");
        }
        if (text.startsWith(CONSEQUENCE)) {
            return consequenceError(text, file, line, source);
        }
        int at = line == 0 && source != null ? source.lineContaining(conditionIn(text)) : line;
        return new Finding(FindingCodes.COMPILE_ERROR, Severity.ERROR, file, at, 0, ruleAt(source, at),
                inOwnWords(text));
    }

    /** The condition an "Unable to Analyse Expression" message is about, or null. */
    private static String conditionIn(String text) {
        Matcher condition = UNANALYSABLE.matcher(text);
        return condition.find() ? condition.group(1).strip() : null;
    }

    /**
     * Drools' and MVEL's texts for a condition they cannot analyse ("Unable to Analyse Expression ...: [Error:
     * unable to resolve method using strict-mode: ...]", a Java NullPointerException's message) in the
     * finding's own words; the raw text never reaches the author.
     */
    private static String inOwnWords(String text) {
        Matcher twice = BOUND_TWICE.matcher(text);
        if (twice.find()) {
            return "'" + twice.group(1) + "' is bound twice in this rule; bind each name once";
        }
        Matcher accumulate = UNKNOWN_ACCUMULATE.matcher(text);
        if (accumulate.find()) {
            return "'" + accumulate.group(1) + "' is not an accumulate function (use sum, count, min, max, average, "
                    + "collectList or collectSet)";
        }
        Matcher watched = UNKNOWN_WATCHED.matcher(text);
        if (watched.find()) {
            return "@Watch names '" + watched.group(1) + "', which is not a field of the pattern's type";
        }
        String condition = conditionIn(text);
        String subject = condition != null ? "the condition '" + condition + "'" : "a part of the rule";
        Matcher unknownType = UNKNOWN_JAVA_TYPE.matcher(text);
        if (unknownType.find()) {
            return subject + " does not compile: '" + unknownType.group(1) + "' is not a known type (check its "
                    + "spelling and imports against docs/reference/facts.md)";
        }
        Matcher unbound = UNBOUND.matcher(text);
        if (unbound.find()) {
            return subject + " does not compile: '" + unbound.group(1) + "' is not bound to a fact it can use here "
                    + "(check that the pattern binding it compiles and comes before this condition)";
        }
        if (JAVA_FAILURE.matcher(text).find()) {
            return subject + " could not be analysed, usually because of another error in the version; fix the "
                    + "other findings first";
        }
        Matcher name = QUOTED_NAME.matcher(condition == null ? text : "");
        return subject + " does not compile" + (name.find() ? " (the compiler names '" + name.group(1) + "')" : "")
                + ": check the names and types it uses against docs/reference/facts.md";
    }

    /** Drools reports a bad consequence at its rule's first line; point at the offending name when there is one. */
    private static Finding consequenceError(String text, String file, int line, Source source) {
        String detail = text.substring(CONSEQUENCE.length()).replaceFirst("^\\s*:?\\s*(\\[Rule name='[^']*'\\])?", "")
                .strip().replaceAll("\\s*\\R\\s*", "; ");
        String rule = ruleAt(source, line);
        int at = line;
        int column = 0;
        Matcher unresolved = UNRESOLVED_NAME.matcher(detail);
        if (source != null && unresolved.find()) {
            int found = source.lineOf(unresolved.group(1), line);
            if (found > 0) {
                at = found;
                column = source.columnOf(found, unresolved.group(1));
            }
        }
        return new Finding(FindingCodes.CONSEQUENCE_ERROR, Severity.ERROR, file, at, column, rule,
                "the 'then' part of the rule does not compile: " + detail);
    }

    private static int column(Source source, int line, String token) {
        return source == null ? 0 : source.columnOf(line, token);
    }

    private static String ruleAt(Source source, int line) {
        return source == null || line == 0 ? null : source.outline().ruleAt(line);
    }
}
