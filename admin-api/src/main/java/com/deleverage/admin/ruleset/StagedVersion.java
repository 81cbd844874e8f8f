package com.deleverage.admin.ruleset;

/**
 * The result of staging: the version and whether this request created it (false when identical content
 * was already staged as that version).
 */
public record StagedVersion(RuleSetVersion version, boolean created) {
}
