package com.deleverage.admin.ruleset;

import io.micronaut.core.annotation.Nullable;

/**
 * A rule set as listed: its active version and how many versions it has.
 *
 * @param activeVersion the version the platform serves, or null
 * @param activeHash    that version's hash, or null
 * @param latestVersion the newest version staged
 */
public record RuleSetSummary(String name, @Nullable Integer activeVersion, @Nullable String activeHash,
                             int latestVersion) {
}
