package com.deleverage.engine.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One mistake, one finding. When a DRL file does not parse, Drools builds no declared type of the version, and
 * every rule that uses one reports an unknown type, an expression it cannot analyse or a consequence that does
 * not compile: one missing bracket gave 166 findings in 14 files. When a declared type is missing (its file was
 * left out), every use of it does the same. So the root causes are listed and what follows from them is counted
 * on the first one, not listed: the syntax errors if there are any, otherwise each unknown type once, at its
 * first use. Errors that remain after the root is fixed appear on the next validation. Warnings and
 * information stay as they are.
 */
final class RootCauses {
    private static final Comparator<Finding> BY_PLACE = Comparator
            .comparing((Finding f) -> Objects.requireNonNullElse(f.file(), ""))
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column);
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("unknown fact type '([^']+)'");
    private static final Pattern FAILED_FUNCTION = Pattern.compile(
            "The import [\\w.]+ cannot be resolved|The method \\w+\\(.*?\\) is undefined for the type Rule_");

    private RootCauses() {
    }

    static List<Finding> of(List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        List<Finding> syntax = errors.stream().filter(f -> f.code().equals(FindingCodes.DRL_SYNTAX))
                .sorted(BY_PLACE).toList();
        List<Finding> result = new ArrayList<>();
        if (!syntax.isEmpty()) {
            // Drools builds no declared type when a file does not parse: nothing else it reports can be trusted.
            result.addAll(withKnockOn(syntax, errors.stream().filter(f -> !syntax.contains(f)).toList()));
        } else {
            List<Finding> typeRoots = firstUseOfEachUnknownType(errors);
            if (typeRoots.isEmpty()) {
                return findings; // no root cause: every error is a mistake of its own
            }
            Set<List<String>> rulesUsingOne = new HashSet<>();
            errors.stream().filter(RootCauses::isUnknownType).forEach(f -> rulesUsingOne.add(ruleOf(f)));
            // What follows from the types: the other errors of the rules using them (their bindings are unknown too),
            // the errors Drools places in no rule (a function or condition it lost track of), and the errors that
            // name a type or a function that failed because of them; an error in a rule that uses no unknown type
            // and names none of that is a mistake of its own and stays listed.
            Set<String> types = typeRoots.stream().map(RootCauses::typeOf).collect(Collectors.toSet());
            List<Finding> knockOn = errors.stream().filter(f -> !isUnknownType(f) && (f.rule() == null
                    || rulesUsingOne.contains(ruleOf(f)) || namesAFailure(f, types))).toList();
            result.addAll(withKnockOn(typeRoots, knockOn));
            errors.stream().filter(f -> !isUnknownType(f) && !knockOn.contains(f)).forEach(result::add);
        }
        findings.stream().filter(f -> !f.isError()).forEach(result::add);
        return result;
    }

    /** Each unknown type once, at its first use, saying how many uses there are. */
    private static List<Finding> firstUseOfEachUnknownType(List<Finding> errors) {
        Map<String, List<Finding>> usesByType = new LinkedHashMap<>();
        errors.stream().filter(RootCauses::isUnknownType).sorted(BY_PLACE)
                .forEach(f -> usesByType.computeIfAbsent(typeOf(f), t -> new ArrayList<>()).add(f));
        return usesByType.values().stream().map(uses -> uses.size() == 1 ? uses.getFirst()
                : append(uses.getFirst(), "it is used " + uses.size() + " times in " + files(uses)
                + "; the first use is shown")).toList();
    }

    /** The compiler's words for a function of the package that did not compile, or a use of an unknown type. */
    private static boolean namesAFailure(Finding finding, Set<String> types) {
        String message = finding.message();
        return FAILED_FUNCTION.matcher(message).find()
                || types.stream().anyMatch(type -> message.contains("'" + type + "'"));
    }

    private static boolean isUnknownType(Finding finding) {
        return finding.code().equals(FindingCodes.UNKNOWN_TYPE);
    }

    private static List<String> ruleOf(Finding finding) {
        return Arrays.asList(finding.file(), finding.rule());
    }

    private static String typeOf(Finding finding) {
        Matcher type = UNKNOWN_TYPE.matcher(finding.message());
        return type.find() ? type.group(1) : null;
    }

    /** The roots, the first of them saying how many errors follow from them and are not listed. */
    private static List<Finding> withKnockOn(List<Finding> roots, List<Finding> knockOn) {
        List<Finding> listed = new ArrayList<>(roots);
        if (!roots.isEmpty() && !knockOn.isEmpty()) {
            listed.set(0, append(roots.getFirst(), knockOn.size() + (knockOn.size() == 1 ? " further error"
                    : " further errors") + " in " + files(knockOn) + " follow from "
                    + (roots.size() == 1 ? "this" : "these") + " and are not listed; validate again once "
                    + (roots.size() == 1 ? "it is" : "they are") + " fixed"));
        }
        return listed;
    }

    private static String files(List<Finding> findings) {
        long files = findings.stream().map(Finding::file).distinct().count();
        return files == 1 ? "1 file" : files + " files";
    }

    private static Finding append(Finding finding, String note) {
        return new Finding(finding.code(), finding.severity(), finding.file(), finding.line(), finding.column(),
                finding.rule(), finding.message() + " (" + note + ")");
    }
}
