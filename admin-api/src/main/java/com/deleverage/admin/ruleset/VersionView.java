package com.deleverage.admin.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version as the API shows it: lifecycle state, content hash, who staged and approved it and when,
 * its validation findings, and (when reading one version) its files.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(String ruleSet, int version, VersionState state, String hash, @Nullable String comment,
                          String author, Instant createdAt, @Nullable String approver, @Nullable Instant approvedAt,
                          @Nullable Instant activatedAt, @Nullable Instant retiredAt, List<FindingView> findings,
                          @Nullable Map<String, String> files) {

    public static VersionView of(RuleSetVersion version) {
        return of(version, null);
    }

    public static VersionView of(RuleSetVersion version, Map<String, String> files) {
        return new VersionView(version.ruleSet(), version.version(), version.state(), version.hash(), version.comment(),
                version.author(), version.createdAt(), version.approver(), version.approvedAt(), version.activatedAt(),
                version.retiredAt(), version.findings().stream().map(FindingView::of).toList(), files);
    }
}
