package com.deleverage.streaming;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of a stream node since it started (replayed events on a rebuild are not counted). */
public final class StreamStats {
    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong ticks = new AtomicLong();
    final AtomicLong failedTicks = new AtomicLong();
    final AtomicLong decisions = new AtomicLong();
    final AtomicLong rebuilds = new AtomicLong();
    final AtomicLong position = new AtomicLong();

    /** The counters of several nodes (or stages) of one platform, added up. */
    public static StreamStats total(StreamStats... parts) {
        StreamStats sum = new StreamStats();
        for (StreamStats s : parts) {
            sum.applied.addAndGet(s.applied());
            sum.duplicates.addAndGet(s.duplicates());
            sum.refused.addAndGet(s.refused());
            sum.malformed.addAndGet(s.malformed());
            sum.ticks.addAndGet(s.ticks());
            sum.failedTicks.addAndGet(s.failedTicks());
            sum.decisions.addAndGet(s.decisions());
            sum.rebuilds.addAndGet(s.rebuilds());
            sum.position.addAndGet(s.position());
        }
        return sum;
    }

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long refused() {
        return refused.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long ticks() {
        return ticks.get();
    }

    public long failedTicks() {
        return failedTicks.get();
    }

    public long decisions() {
        return decisions.get();
    }

    /** Times the node rebuilt its book from the input topics (its start, and every recovery after a failure). */
    public long rebuilds() {
        return rebuilds.get();
    }

    /**
     * The sum over the input partitions of the node's next offset: how far it has read (the rebuild included). A
     * record read is applied before the node polls again, and decided at the tick that ends its poll.
     */
    public long position() {
        return position.get();
    }

    @Override
    public String toString() {
        return "applied " + applied + ", duplicates " + duplicates + ", refused " + refused + ", malformed " + malformed
                + ", ticks " + ticks + " (failed " + failedTicks + "), decisions " + decisions + ", rebuilds " + rebuilds;
    }
}
