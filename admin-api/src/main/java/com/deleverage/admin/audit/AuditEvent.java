package com.deleverage.admin.audit;

/**
 * What happened, before the audit log gives it a place in the chain.
 *
 * @param actor       the authenticated principal ({@code system} for the platform itself)
 * @param action      what happened
 * @param ruleSet     the rule set concerned, or null
 * @param version     the version concerned, or null
 * @param versionHash that version's content hash, or null
 * @param reason      why, or what was refused and why
 */
public record AuditEvent(String actor, AuditAction action, String ruleSet, Integer version, String versionHash,
                         String reason) {
}
