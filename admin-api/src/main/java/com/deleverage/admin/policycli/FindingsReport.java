package com.deleverage.admin.policycli;

import com.deleverage.admin.ruleset.FindingView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation findings printed three ways: compiler-style lines ({@code file:line:col: SEVERITY CODE message}, which
 * editors and CI logs turn into links), the API's finding JSON, or a JUnit report with one test case per file.
 *
 * @param suite    what was checked, the JUnit suite's name (e.g. {@code policy check rules/deleveraging})
 * @param files    the checked folder's file paths, each a JUnit test case even when it has no finding
 * @param findings the findings, as the API shows them
 */
record FindingsReport(String suite, Set<String> files, List<FindingView> findings) implements Report {
    /** JUnit test case of the findings about the whole version rather than one file. */
    static final String WHOLE_VERSION = "(version)";

    long errors() {
        return findings.stream().filter(f -> "ERROR".equals(f.severity())).count();
    }

    long warnings() {
        return findings.stream().filter(f -> "WARNING".equals(f.severity())).count();
    }

    /** One line per finding, then the counts. */
    @Override
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(line(f)));
        lines.add(count(errors(), "error") + ", " + count(warnings(), "warning"));
        return lines;
    }

    static String line(FindingView f) {
        String location = f.file() == null ? "" : f.file() + ":" + f.line() + ":" + f.column() + ": ";
        // Name the rule unless the message already does (syntax errors say `in rule "X"` themselves).
        String rule = f.rule() == null || f.message().contains("\"" + f.rule() + "\"") ? "" : " (rule \"" + f.rule() + "\")";
        return location + f.severity() + " " + f.code() + " " + f.message() + rule;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The JSON of {@code --format json}: the counts and the findings with the API's fields. */
    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("errors", errors());
        json.put("warnings", warnings());
        json.put("findings", findings);
        return json;
    }

    /** One test case per file, failed by each of its ERROR findings; warnings do not fail a build. */
    @Override
    public String junit() {
        JunitXml xml = new JunitXml(suite);
        Map<String, List<JunitXml.Failure>> byFile = new LinkedHashMap<>();
        files.forEach(file -> byFile.put(file, new ArrayList<>()));
        for (FindingView f : findings) {
            String file = f.file() == null ? WHOLE_VERSION : f.file();
            List<JunitXml.Failure> failures = byFile.computeIfAbsent(file, k -> new ArrayList<>());
            if ("ERROR".equals(f.severity())) {
                failures.add(new JunitXml.Failure(f.code(), line(f)));
            }
        }
        byFile.forEach((file, failures) -> xml.add("policy", file, failures));
        return xml.write();
    }
}
