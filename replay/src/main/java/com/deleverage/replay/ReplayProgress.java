package com.deleverage.replay;

import java.time.Instant;

/**
 * Where a replay is: tick {@code tick} of {@code ticks} of the version {@code versionIndex} (0-based) of
 * {@code versions}, at replay time {@code time}.
 */
public record ReplayProgress(String label, int versionIndex, int versions, int tick, int ticks, Instant time) {
    /** Share of the whole replay done, 0 to 1. */
    public double fraction() {
        long total = (long) versions * ticks;
        return total == 0 ? 1.0 : ((double) versionIndex * ticks + tick) / total;
    }
}
