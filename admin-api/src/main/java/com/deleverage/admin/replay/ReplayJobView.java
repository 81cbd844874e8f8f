package com.deleverage.admin.replay;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/replays/{id}} returns.
 *
 * @param id          the job
 * @param state       QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param submittedBy who submitted it
 * @param versions    the report's labels of the versions compared, in order
 * @param summary     what is replayed (files, window, book), as the audit log records it
 * @param progress    how far it is
 * @param error       why it failed
 * @param cancelledBy who cancelled it
 * @param links       the job, and its report once SUCCEEDED
 */
public record ReplayJobView(String id, ReplayState state, String submittedBy, Instant submittedAt,
                            @Nullable Instant startedAt, @Nullable Instant finishedAt, String ruleSet,
                            List<String> versions, String summary, Progress progress, @Nullable String error,
                            @Nullable String cancelledBy, Links links) {

    /**
     * @param fraction share of the whole replay done, 0 to 1
     * @param version  label of the version being replayed
     * @param index    1-based number of that version
     * @param of       versions in the replay
     * @param tick     ticks of that version done
     * @param ticks    ticks per version
     * @param time     replay time of the last tick done
     */
    public record Progress(double fraction, @Nullable String version, @Nullable Integer index, @Nullable Integer of,
                           @Nullable Integer tick, @Nullable Integer ticks, @Nullable Instant time) {
    }

    public record Links(String self, @Nullable String report, @Nullable String html) {
    }
}
