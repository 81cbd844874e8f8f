package com.deleverage.admin.ruleset;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A change on top of a stored version: files added or replaced, paths left out. */
record VersionChange(int baseVersion, Map<String, String> changes, List<String> deleted) {
    VersionChange {
        changes = changes == null ? Map.of() : changes;
        deleted = deleted == null ? List.of() : deleted;
    }

    /** The change's shape, before anything is read: which of the request's fields go together. */
    static void requireOneKind(StageRequest request) {
        List<InputProblem> errors = new ArrayList<>();
        boolean change = request.changes() != null || request.deleted() != null;
        if (request.files() != null && (request.baseVersion() != null || change)) {
            errors.add(new InputProblem("files", "give either files (a whole version) or baseVersion with changes "
                    + "and/or deleted (a change on top of it), not both"));
        } else if (request.baseVersion() == null && change) {
            errors.add(new InputProblem("baseVersion", "is required with changes or deleted: the version they apply to"));
        } else if (request.baseVersion() != null && !change) {
            errors.add(new InputProblem("changes", "a change on top of v" + request.baseVersion()
                    + " needs changes and/or deleted"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("the version cannot be staged: " + errors.getFirst().field() + " "
                    + errors.getFirst().message(), errors);
        }
    }

    /** The whole file set: the base's files, minus {@code deleted}, with {@code changes} on top. */
    Map<String, String> applyTo(Map<String, String> base) {
        List<InputProblem> errors = new ArrayList<>();
        Map<String, String> files = new TreeMap<>(base);
        for (String path : deleted) {
            if (path == null || !base.containsKey(path)) {
                errors.add(new InputProblem("deleted", "'" + path + "' is not a file of v" + baseVersion));
            } else if (changes.containsKey(path)) {
                errors.add(new InputProblem("deleted", "'" + path + "' is both deleted and changed"));
            } else {
                files.remove(path);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("the version cannot be staged: " + errors.getFirst().message(), errors);
        }
        files.putAll(changes);
        return files;
    }
}
