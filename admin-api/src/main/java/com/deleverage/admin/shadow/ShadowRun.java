package com.deleverage.admin.shadow;

import java.time.Instant;

/** A shadow_run row. */
public record ShadowRun(long id, String ruleSet, int version, String versionHash, String startedBy, Instant startedAt,
                        String stoppedBy, Instant stoppedAt, long compared, long differing, long dropped,
                        long failed) {
    public boolean running() {
        return stoppedAt == null;
    }
}
