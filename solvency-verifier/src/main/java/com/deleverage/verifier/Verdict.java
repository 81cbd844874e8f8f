package com.deleverage.verifier;

import java.util.List;

/**
 * What a check concluded: PASS or FAIL, and the lines that say what was checked (on PASS) or what does not
 * hold (on FAIL, the last line).
 */
public record Verdict(boolean passed, List<String> lines) {
    public Verdict {
        lines = List.copyOf(lines);
    }

    static Verdict fail(List<String> checked, String reason) {
        List<String> lines = new java.util.ArrayList<>(checked);
        lines.add("FAIL: " + reason);
        return new Verdict(false, lines);
    }
}
