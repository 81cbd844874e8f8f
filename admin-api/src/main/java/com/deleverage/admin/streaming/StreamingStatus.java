package com.deleverage.admin.streaming;

import com.deleverage.streaming.StreamStats;

/**
 * {@code GET /api/v1/streaming}: see {@link StreamStats} for each counter.
 *
 * @param live     true once the book is rebuilt and the node decides new events; false while it rebuilds
 * @param position the sum over the input partitions of the next offset the node reads
 */
public record StreamingStatus(boolean live, long position, long applied, long duplicates, long refused,
                              long malformed, long ticks, long failedTicks, long decisions, long rebuilds) {
    static StreamingStatus of(boolean live, StreamStats s) {
        return new StreamingStatus(live, s.position(), s.applied(), s.duplicates(), s.refused(), s.malformed(),
                s.ticks(), s.failedTicks(), s.decisions(), s.rebuilds());
    }
}
