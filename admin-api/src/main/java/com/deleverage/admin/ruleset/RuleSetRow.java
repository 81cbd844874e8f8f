package com.deleverage.admin.ruleset;

/**
 * A rule set's activation state as the database records it.
 *
 * @param activeVersion   the version the platform serves, or null before the first activation
 * @param activationCount incremented by every activation; an activation that finds it changed lost a race
 */
public record RuleSetRow(String name, Integer activeVersion, long activationCount) {
}
