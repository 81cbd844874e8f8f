package com.deleverage.admin.ruleset;

import com.deleverage.engine.parameters.ParameterTable;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The changes from version {@code against} to version {@code version}: one unified diff per changed file, and the
 * parameter values that moved (from the versions' {@code parameters.yaml}).
 */
public record DiffView(String ruleSet, int version, String hash, int against, String againstHash,
                       List<FileDiffView> files, List<ParameterChangeView> parameters) {

    /** One unified diff per file that differs from {@code from} ({@code fromLabel}) to {@code to} ({@code toLabel}). */
    public static List<FileDiffView> files(String fromLabel, Map<String, String> from, String toLabel, Map<String, String> to) {
        return VersionDiff.between(fromLabel, from, toLabel, to).stream()
                .map(d -> new FileDiffView(d.path(), d.change().name(), d.diff())).toList();
    }

    /** The values of the two file sets' {@code parameters.yaml} that differ. */
    public static List<ParameterChangeView> parameters(Map<String, String> from, Map<String, String> to) {
        return ParameterTable.changes(from.get(ParameterTable.FILE), to.get(ParameterTable.FILE)).stream()
                .map(c -> new ParameterChangeView(c.name(), c.before(), c.after())).toList();
    }

    public record FileDiffView(String path, String change, String diff) {
    }

    /** A parameter whose value differs; {@code before} or {@code after} is null where a version does not give it. */
    public record ParameterChangeView(String name, @Nullable String before, @Nullable String after) {
    }
}
