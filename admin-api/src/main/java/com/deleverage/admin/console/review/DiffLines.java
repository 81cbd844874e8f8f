package com.deleverage.admin.console.review;

import java.util.List;

/**
 * A unified diff split into lines marked for display: added, removed, hunk header or context, so the
 * page can colour them (and say them in words for screen readers) without parsing anything itself.
 */
public record DiffLines(String path, String change, List<Line> lines) {
    public record Line(String kind, String text) {
    }

    static DiffLines of(String path, String change, String unifiedDiff) {
        List<Line> lines = unifiedDiff.lines()
                .filter(line -> !line.startsWith("--- ") && !line.startsWith("+++ "))
                .map(DiffLines::line).toList();
        return new DiffLines(path, change, lines);
    }

    private static Line line(String text) {
        if (text.startsWith("@@")) {
            return new Line("hunk", text);
        }
        if (text.startsWith("+")) {
            return new Line("add", text);
        }
        if (text.startsWith("-")) {
            return new Line("del", text);
        }
        return new Line("context", text);
    }
}
