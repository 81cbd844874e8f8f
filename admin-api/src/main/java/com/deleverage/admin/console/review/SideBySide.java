package com.deleverage.admin.console.review;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One file's change as two columns, the version under review on the right: each row a line of either side (or
 * both), numbered, marked as the same, changed, added or removed; runs of unchanged lines farther than
 * {@value #CONTEXT} lines from a change fold into one "unchanged lines" row.
 */
public record SideBySide(String path, String change, List<Row> rows) {
    static final int CONTEXT = 3;

    /**
     * A row: {@code kind} is {@code same}, {@code changed}, {@code added}, {@code removed} or {@code folded}
     * (then {@code folded} counts the lines left out); a side without a line has a null number.
     */
    public record Row(String kind, Integer oldNumber, String oldText, Integer newNumber, String newText, int folded) {
    }

    private static final DiffRowGenerator ROWS = DiffRowGenerator.create()
            .showInlineDiffs(false)
            .lineNormalizer(Function.identity()) // the page escapes; the generator would escape a second time
            .build();

    static SideBySide of(String path, String change, String before, String after) {
        List<DiffRow> diffRows = ROWS.generateDiffRows(lines(before), lines(after));
        List<Row> numbered = new ArrayList<>();
        int oldNumber = 0;
        int newNumber = 0;
        for (DiffRow row : diffRows) {
            boolean hasOld = row.getTag() != DiffRow.Tag.INSERT;
            boolean hasNew = row.getTag() != DiffRow.Tag.DELETE;
            numbered.add(new Row(kind(row.getTag()), hasOld ? ++oldNumber : null, hasOld ? row.getOldLine() : "",
                    hasNew ? ++newNumber : null, hasNew ? row.getNewLine() : "", 0));
        }
        return new SideBySide(path, change, folded(numbered));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    private static String kind(DiffRow.Tag tag) {
        return switch (tag) {
            case EQUAL -> "same";
            case CHANGE -> "changed";
            case INSERT -> "added";
            case DELETE -> "removed";
        };
    }

    /** Keeps changes and the {@value #CONTEXT} lines around each; folds the rest. */
    private static List<Row> folded(List<Row> rows) {
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).kind().equals("same")) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
                    keep[j] = true;
                }
            }
        }
        List<Row> shown = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (keep[i]) {
                if (run > 0) {
                    shown.add(new Row("folded", null, "", null, "", run));
                    run = 0;
                }
                shown.add(rows.get(i));
            } else {
                run++;
            }
        }
        if (run > 0) {
            shown.add(new Row("folded", null, "", null, "", run));
        }
        return shown;
    }
}
