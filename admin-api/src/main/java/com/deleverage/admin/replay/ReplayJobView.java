package com.deleverage.admin.replay;

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
public record ReplayJobView(String id, ReplayState state, String submittedBy, Instant submittedAt, Instant startedAt,
                            Instant finishedAt, String ruleSet, List<String> versions, String summary,
                            Progress progress, String error, String cancelledBy, Links links) {

    /**
     * @param fraction share of the whole replay done, 0 to 1
     * @param version  label of the version being replayed
     * @param index    1-based number of that version
     * @param of       versions in the replay
     * @param tick     ticks of that version done
     * @param ticks    ticks per version
     * @param time     replay time of the last tick done
     */
    public record Progress(double fraction, String version, Integer index, Integer of, Integer tick, Integer ticks,
                           Instant time) {
    }

    public record Links(String self, String report, String html) {
    }
}
