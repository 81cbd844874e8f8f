package com.deleverage.admin.ruleset;

import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

import java.util.ArrayList;
import java.util.List;

/**
 * What one validation report may hold, stored and shown: the first {@code deleveraging.limits.max-findings}
 * findings and, when there were more, one {@value #OMITTED} finding that counts the rest;
 * each message cut at {@code max-finding-message} characters, file and rule names at the 512 characters
 * of their columns. A 10,000-rule staging returned 3.9 MB of findings; nobody reads past the first few
 * hundred, and the accept-or-reject decision is taken on the full report before it is capped.
 */
@Context
@ConfigurationProperties("deleveraging.limits")
public record ValidationReportLimits(@Min(1) int maxFindings, @Min(1) int maxFindingMessage) {
    public static final String OMITTED = "FINDINGS_OMITTED";
    /** validation_finding.file_path and .rule_name are varchar(512). */
    static final int MAX_NAME = 512;

    public List<Finding> cap(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.stream().limit(maxFindings).map(this::shorten).toList());
        if (findings.size() > maxFindings) {
            List<Finding> rest = findings.subList(maxFindings, findings.size());
            long errors = rest.stream().filter(Finding::isError).count();
            kept.add(new Finding(OMITTED, Severity.INFO, null, 0, 0, null, rest.size() + " more findings omitted ("
                    + errors + " of them errors): a report holds the first " + maxFindings
                    + " (deleveraging.limits.max-findings); fix these and stage again to see the next ones"));
        }
        return List.copyOf(kept);
    }

    private Finding shorten(Finding f) {
        return new Finding(f.code(), f.severity(), cut(f.file(), MAX_NAME), f.line(), f.column(), cut(f.rule(), MAX_NAME),
                cut(f.message(), maxFindingMessage));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
