package com.deleverage.admin.ruleset;

import java.util.List;

/** The changes from version {@code against} to version {@code version}, one unified diff per changed file. */
public record DiffView(String ruleSet, int version, String hash, int against, String againstHash,
                       List<FileDiffView> files) {

    public record FileDiffView(String path, String change, String diff) {
    }
}
