package com.deleverage.admin.ruleset;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The shape a staged version must have before the engine looks at it. */
final class StagingRules {
    static final Pattern RULE_SET_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    // Relative paths of plain segments: no absolute paths, no "..", no backslashes.
    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final int MAX_FILES = 200;
    private static final int MAX_PATH = 512;
    private static final int MAX_COMMENT = 2000;
    private static final long MAX_TOTAL_BYTES = 5L * 1024 * 1024;

    private StagingRules() {
    }

    static void requireValidName(String ruleSet) {
        if (!RULE_SET_NAME.matcher(ruleSet).matches()) {
            throw new InvalidInput("'" + ruleSet + "' is not a valid rule set name",
                    List.of(new InputProblem("name", "1 to 64 characters: lower-case letters, digits, '-' and '_', "
                            + "starting with a letter or digit")));
        }
    }

    static void requireValid(String comment, Map<String, String> files) {
        List<InputProblem> errors = new ArrayList<>();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new InputProblem("comment", "at most " + MAX_COMMENT + " characters"));
        }
        if (files == null || files.isEmpty()) {
            errors.add(new InputProblem("files", "is required: an object of file path to file text, "
                    + "with at least one .drl file"));
        } else {
            if (files.size() > MAX_FILES) {
                errors.add(new InputProblem("files", "at most " + MAX_FILES + " files"));
            }
            long bytes = 0;
            for (Map.Entry<String, String> file : files.entrySet()) {
                String path = file.getKey();
                if (path.length() > MAX_PATH || !FILE_PATH.matcher(path).matches()) {
                    errors.add(new InputProblem("files." + path, "not a valid file path: a relative path of letters, "
                            + "digits, '.', '-' and '_' separated by '/', without '..'"));
                } else if (path.contains("..")) {
                    errors.add(new InputProblem("files." + path, "a file path must not contain '..'"));
                }
                if (file.getValue() == null) {
                    errors.add(new InputProblem("files." + path, "the file's text is required"));
                } else {
                    bytes += file.getValue().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            if (bytes > MAX_TOTAL_BYTES) {
                errors.add(new InputProblem("files", "the files total " + bytes + " bytes; at most " + MAX_TOTAL_BYTES));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("the version cannot be staged: " + errors.getFirst().field() + " "
                    + errors.getFirst().message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
    }
}
