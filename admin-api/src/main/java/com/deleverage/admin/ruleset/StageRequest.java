package com.deleverage.admin.ruleset;

import com.deleverage.admin.request.StrictRequest;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The body of {@code POST /rulesets/{name}/versions}. Its rules (1 to 200 files, valid relative paths, at most
 * 5 MB, a comment of at most 2,000 characters) are checked together by {@link StagingRules}, which names every
 * offending file.
 *
 * @param comment why, for the audit log (optional)
 * @param files   the version's complete file set, {@code path -> text}
 */
public record StageRequest(
        @Schema(description = "why, for the audit log; at most 2,000 characters", nullable = true) String comment,
        @Schema(description = "the version's complete file set, path -> text: DRL files and scenarios/*.yaml; 1 to 200 "
                + "files, at most 5 MB", requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> files)
        implements StrictRequest {
}
