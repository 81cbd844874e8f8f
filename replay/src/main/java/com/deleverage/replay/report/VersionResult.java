package com.deleverage.replay.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One version's replay.
 *
 * @param label          the label given in the request
 * @param ruleSet        rule set name
 * @param version        version number
 * @param versionHash    content hash of the version
 * @param series         one record per tick
 * @param totals         totals over the replay
 * @param ledger         the ledger's lines ({@link com.deleverage.replay.simulation.Ledger#lines})
 * @param violations     broken conservation identities; empty when the replay conserved every cent
 * @param timeline       the first events, in the order they happened ({@link TimelineEvent})
 * @param outcomes       every account's outcome, by id
 * @param notes          why actions were rejected, counted by reason
 */
public record VersionResult(String label, String ruleSet, int version, String versionHash, List<TickRecord> series,
                            VersionTotals totals, Map<String, BigDecimal> ledger, List<String> violations,
                            List<TimelineEvent> timeline, SortedMap<String, AccountOutcome> outcomes, SortedMap<String, Integer> notes) {
    public VersionResult {
        series = List.copyOf(series);
        violations = List.copyOf(violations);
        timeline = List.copyOf(timeline);
    }

    public boolean conserved() {
        return violations.isEmpty();
    }
}
