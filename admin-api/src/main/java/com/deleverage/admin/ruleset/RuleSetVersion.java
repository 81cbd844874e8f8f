package com.deleverage.admin.ruleset;

import com.deleverage.engine.compile.Finding;

import java.time.Instant;
import java.util.List;

/** A stored version of a rule set, without its files. */
public record RuleSetVersion(String ruleSet, int version, String hash, VersionState state, String comment,
                             String author, Instant createdAt, String approver, Instant approvedAt,
                             Instant activatedAt, Instant retiredAt, List<Finding> findings) {
    public RuleSetVersion {
        findings = List.copyOf(findings);
    }

    public RuleSetVersion withFindings(List<Finding> validationFindings) {
        return new RuleSetVersion(ruleSet, version, hash, state, comment, author, createdAt, approver, approvedAt,
                activatedAt, retiredAt, validationFindings);
    }
}
