package com.deleverage.engine.validate;

import com.deleverage.engine.compile.Finding;

import java.util.List;

/**
 * The verdict on a staged version: every finding of lint, compilation and the version's scenarios.
 *
 * @param hash            the version's content hash
 * @param findings        all findings, errors first in the order the steps ran
 * @param scenariosRun    number of scenarios run (0 when lint or compilation failed: unvetted code never runs)
 * @param scenariosFailed number of those that failed
 */
public record ValidationReport(String hash, List<Finding> findings, int scenariosRun, int scenariosFailed) {
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** VALIDATED when no finding is an error, else REJECTED. */
    public boolean accepted() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
