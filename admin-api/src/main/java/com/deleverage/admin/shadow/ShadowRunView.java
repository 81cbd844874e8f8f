package com.deleverage.admin.shadow;

import com.deleverage.admin.db.StoredJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A shadow run as the API shows it: what is compared, by whom, and the comparison so far.
 *
 * @param running             false once the run has ended ({@code stoppedBy} and {@code stoppedAt} then say who
 *                            and when)
 * @param evaluationsCompared completed comparisons
 * @param withDifferences     comparisons whose decisions differed
 * @param dropped             comparisons skipped because the shadow queue was full
 * @param failed              comparisons where the shadow version failed
 * @param accountsAffected    distinct accounts named by a difference
 * @param accounts            the first 100 of them, sorted
 * @param recentDifferences   the 10 newest differences, newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShadowRunView(String ruleSet, int version, String versionHash, boolean running, String startedBy,
                            Instant startedAt, @Nullable String stoppedBy, @Nullable Instant stoppedAt,
                            long evaluationsCompared, long withDifferences, long dropped, long failed,
                            long accountsAffected, List<String> accounts, List<Difference> recentDifferences) {

    static ShadowRunView of(ShadowRun run, long accountsAffected, List<String> accounts,
                            List<ShadowRepository.Difference> recent) {
        return new ShadowRunView(run.ruleSet(), run.version(), run.versionHash(), run.running(), run.startedBy(),
                run.startedAt(), run.stoppedBy(), run.stoppedAt(), run.compared(), run.differing(), run.dropped(),
                run.failed(), accountsAffected, accounts,
                recent.stream().map(d -> new Difference(d.decisionId(), d.comparedAt(), d.accounts(),
                        StoredJson.parse(d.difference()))).toList());
    }

    /**
     * One live evaluation whose shadow decision differed.
     *
     * @param decisionId the live decision
     * @param accounts   the accounts the difference names
     * @param diff       the difference, in the dry run's format
     */
    public record Difference(String decisionId, Instant comparedAt, List<String> accounts,
                             @Schema(ref = "#/components/schemas/DecisionDiff") JsonNode diff) {
    }
}
