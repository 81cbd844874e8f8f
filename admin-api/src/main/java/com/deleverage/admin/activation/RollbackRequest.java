package com.deleverage.admin.activation;

/**
 * The body of {@code POST /rulesets/{name}/rollback}.
 *
 * @param toVersion the version to return to; by default the one active before the current one
 * @param reason    why, for the audit log (required)
 */
public record RollbackRequest(Integer toVersion, String reason) {
}
