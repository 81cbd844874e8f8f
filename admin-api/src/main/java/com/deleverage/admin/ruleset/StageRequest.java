package com.deleverage.admin.ruleset;

import com.deleverage.admin.request.StrictRequest;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /rulesets/{name}/versions}: either a whole version ({@code files}) or a change on top of
 * a stored version ({@code baseVersion} with {@code changes} and/or {@code deleted}). Both store a whole,
 * immutable, content-addressed version. The rules of the resulting file set (1 to 200 files, valid relative paths,
 * at most 5 MB, a comment of at most 2,000 characters) are checked by {@link StagingRules}, which names every
 * offending field.
 *
 * @param comment       why, for the audit log (optional)
 * @param files         the version's complete file set, {@code path -> text}
 * @param baseVersion   the stored version a change applies to
 * @param changes       files added or replaced on top of {@code baseVersion}, {@code path -> text}
 * @param deleted       paths of {@code baseVersion} left out
 * @param allowRemovals true when removing rules, scenarios or actions of the active version is intended
 */
public record StageRequest(
        @Schema(description = "why, for the audit log; at most 2,000 characters", nullable = true) String comment,
        @Schema(description = "a whole version: its complete file set, path -> text: DRL files and scenarios/*.yaml; "
                + "1 to 200 files, at most 5 MB. Give this or baseVersion, not both", nullable = true)
        Map<String, String> files,
        @Schema(description = "a change on top of this stored version (with changes and/or deleted)", nullable = true)
        Integer baseVersion,
        @Schema(description = "files added or replaced on top of baseVersion, path -> text", nullable = true)
        Map<String, String> changes,
        @Schema(description = "paths of baseVersion left out of the new version", nullable = true)
        List<String> deleted,
        @Schema(description = "true when removing rules, scenario files or actions of the active version is "
                + "intended: the REMOVES_RULES finding is then a warning, not an error", nullable = true)
        Boolean allowRemovals)
        implements StrictRequest {


    boolean removalsAllowed() {
        return Boolean.TRUE.equals(allowRemovals);
    }
}
