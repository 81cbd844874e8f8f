package com.deleverage.replay.report;

import com.deleverage.replay.ReplaySettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * The comparison of one or more versions over the same path and book; {@link ReportJson} and
 * {@link ReportHtml} render it.
 *
 * @param from        first instant replayed
 * @param to          end of the replay (exclusive)
 * @param symbols     the markets replayed
 * @param ticks       ticks replayed per version
 * @param accounts    accounts in the book
 * @param settings    the conventions used
 * @param versions    one result per version, in request order
 * @param differences accounts whose outcome differs between versions, largest spread of final equity first
 * @param elapsed     wall-clock time of the whole replay; not part of the JSON (which must not depend on the machine)
 */
public record ReplayReport(Instant from, Instant to, SortedSet<String> symbols, int ticks, int accounts,
                           ReplaySettings settings, List<VersionResult> versions, List<AccountDifference> differences,
                           Duration elapsed) {
    public ReplayReport {
        versions = List.copyOf(versions);
        differences = List.copyOf(differences);
    }

    /** Account-ticks evaluated per second of wall-clock time, over every version. */
    public double accountTicksPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return (double) ticks * accounts * versions.size() / seconds;
    }

    /** Whether every version conserved money exactly. */
    public boolean conserved() {
        return versions.stream().allMatch(VersionResult::conserved);
    }
}
