package com.deleverage.admin.ruleset;

import com.deleverage.engine.validate.ValidationReport;

import java.util.List;

/**
 * What validating a version without staging it found ({@code POST /rulesets/{name}/validations}).
 *
 * @param accepted        true when no finding is an error: staging these files would make a VALIDATED version
 * @param hash            the content hash the version would have
 * @param scenariosRun    scenario files run
 * @param scenariosFailed of which failed (each failure is a finding)
 */
public record ValidationView(boolean accepted, String hash, List<FindingView> findings, int scenariosRun,
                             int scenariosFailed) {
    public static ValidationView of(ValidationReport report) {
        return new ValidationView(report.accepted(), report.hash(),
                report.findings().stream().map(FindingView::of).toList(), report.scenariosRun(), report.scenariosFailed());
    }
}
