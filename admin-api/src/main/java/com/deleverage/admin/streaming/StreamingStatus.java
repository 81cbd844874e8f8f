package com.deleverage.admin.streaming;

import com.deleverage.streaming.StreamStats;

import java.util.List;

/**
 * {@code GET /api/v1/streaming}: see {@link StreamStats} for each counter.
 *
 * @param live     true once the book is rebuilt and the node decides new events; false while it rebuilds
 * @param position the sum over the input partitions of the next offset the node reads
 * @param mode     {@code SINGLE} or {@code STAGED}; a staged node's counters are its two stages' summed
 * @param accountPartitions staged: the account partitions this node decides now (empty for a single node)
 * @param marketPartitions  staged: the hand-over partitions, and so the markets, this node decides now
 */
public record StreamingStatus(boolean live, long position, long applied, long duplicates, long refused,
                              long malformed, long ticks, long failedTicks, long decisions, long rebuilds,
                              StreamingProperties.Mode mode, List<Integer> accountPartitions,
                              List<Integer> marketPartitions) {
    static StreamingStatus of(StreamingProperties.Mode mode, StreamingNode node, StreamStats s) {
        return new StreamingStatus(node.isLive(), s.position(), s.applied(), s.duplicates(), s.refused(), s.malformed(),
                s.ticks(), s.failedTicks(), s.decisions(), s.rebuilds(), mode, node.accountPartitions(),
                node.marketPartitions());
    }
}
