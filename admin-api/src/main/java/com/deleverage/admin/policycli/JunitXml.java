package com.deleverage.admin.policycli;

import java.util.ArrayList;
import java.util.List;

/**
 * A JUnit XML report (the Ant/Surefire schema CI servers read): one test suite of test cases, each passed or
 * failed with messages. Written by hand because the shape is tiny and only text needs escaping.
 */
final class JunitXml {
    private final String suite;
    private final List<TestCase> cases = new ArrayList<>();

    JunitXml(String suite) {
        this.suite = suite;
    }

    /** A test case; each failure is one {@code <failure>} element (type: a finding code, message: one line). */
    record Failure(String type, String message) {
    }

    record TestCase(String className, String name, List<Failure> failures) {
    }

    JunitXml add(String className, String name, List<Failure> failures) {
        cases.add(new TestCase(className, name, List.copyOf(failures)));
        return this;
    }

    String write() {
        long failed = cases.stream().filter(c -> !c.failures().isEmpty()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\">\n");
        for (TestCase c : cases) {
            xml.append("  <testcase classname=\"").append(escape(c.className())).append("\" name=\"")
                    .append(escape(c.name())).append('"');
            if (c.failures().isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            for (Failure f : c.failures()) {
                xml.append("    <failure type=\"").append(escape(f.type())).append("\" message=\"")
                        .append(escape(f.message())).append("\">").append(escape(f.message())).append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                default -> {
                    // Control characters other than tab are not allowed in XML 1.0 at all: drop them.
                    if (ch >= 0x20 || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
