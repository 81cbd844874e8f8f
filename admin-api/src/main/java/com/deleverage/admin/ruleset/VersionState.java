package com.deleverage.admin.ruleset;

/**
 * Lifecycle of a version: {@code STAGED -> VALIDATED | REJECTED}, {@code VALIDATED -> APPROVED},
 * {@code APPROVED -> ACTIVE}, {@code ACTIVE -> RETIRED} when another version is activated, and
 * {@code RETIRED -> ACTIVE} by a rollback. Validation runs as the version is staged, so a stored
 * version is never left in {@code STAGED}.
 */
public enum VersionState {
    STAGED, VALIDATED, REJECTED, APPROVED, ACTIVE, RETIRED
}
