package com.deleverage.admin.ruleset;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Unified diffs, file by file, between the files of two versions; unchanged files are left out. */
final class VersionDiff {
    private static final int CONTEXT_LINES = 3;

    private VersionDiff() {
    }

    enum Change { ADDED, REMOVED, MODIFIED }

    record FileDiff(String path, Change change, String diff) {
    }

    static List<FileDiff> between(String fromLabel, Map<String, String> from, String toLabel, Map<String, String> to) {
        TreeSet<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(to.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String before = from.get(path);
            String after = to.get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.MODIFIED;
            List<String> beforeLines = lines(before);
            List<String> afterLines = lines(after);
            Patch<String> patch = DiffUtils.diff(beforeLines, afterLines);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                    before == null ? "/dev/null" : fromLabel + "/" + path,
                    after == null ? "/dev/null" : toLabel + "/" + path, beforeLines, patch, CONTEXT_LINES);
            diffs.add(new FileDiff(path, change, String.join("\n", unified) + "\n"));
        }
        return diffs;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
