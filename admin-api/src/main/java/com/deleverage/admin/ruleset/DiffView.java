package com.deleverage.admin.ruleset;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The changes from version {@code against} to version {@code version}: one unified diff per changed file, and the
 * parameter values that moved (from the versions' {@code parameters.yaml}).
 */
public record DiffView(String ruleSet, int version, String hash, int against, String againstHash,
                       List<FileDiffView> files, List<ParameterChangeView> parameters) {

    public record FileDiffView(String path, String change, String diff) {
    }

    /** A parameter whose value differs; {@code before} or {@code after} is null where a version does not give it. */
    public record ParameterChangeView(String name, @Nullable String before, @Nullable String after) {
    }
}
