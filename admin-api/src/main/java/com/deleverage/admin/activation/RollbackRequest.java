package com.deleverage.admin.activation;

import com.deleverage.admin.request.StrictRequest;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /rulesets/{name}/rollback}.
 *
 * @param toVersion the version to return to; by default the one active before the current one
 * @param reason    why, for the audit log (required; at most 1,000 characters, because the audit row prefixes
 *                  it with what was replaced and its column holds 2,000)
 */
@Introspected
public record RollbackRequest(@Nullable Integer toVersion,
                              @NotBlank(message = REASON) @Size(max = 1000, message = REASON) String reason)
        implements StrictRequest {
    private static final String REASON = "1 to 1000 characters";
}
