package com.deleverage.engine.compile;

import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one stage of a version: the version's files with every rule of the other stage cut out (its lines
 * left blank, so every other line keeps its number and a finding still points at the author's line). Packages,
 * imports, declared types, functions and untagged rules stay: both stages need them.
 */
final class StageSources {
    private StageSources() {
    }

    /**
     * @param files      the version's files, as staged
     * @param tagsByRule each tagged rule's {@code @stage} value (see {@link StageTags#byRule})
     */
    static Map<String, String> of(Map<String, String> files, Map<String, String> tagsByRule, Stage stage) {
        String cut = stage.other().tag();
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!path.endsWith(".drl")) {
                out.put(path, text);
                return;
            }
            String[] lines = text.split("\\R", -1);
            for (DrlOutline.RuleStart rule : DrlOutline.of(text).rules()) {
                if (cut.equals(tagsByRule.get(rule.name()))) {
                    for (int line = rule.line(); line <= rule.end(); line++) {
                        lines[line - 1] = "";
                    }
                }
            }
            out.put(path, String.join("\n", lines));
        });
        return out;
    }
}
