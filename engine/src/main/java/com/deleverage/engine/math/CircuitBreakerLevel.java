package com.deleverage.engine.math;

import java.time.Duration;

/** A CME-style circuit-breaker level and the trading halt it imposes ({@link CircuitBreaker}). */
public enum CircuitBreakerLevel {
    NONE(0, Duration.ZERO),
    LEVEL_1(1, Duration.ofMinutes(15)),
    LEVEL_2(2, Duration.ofMinutes(15)),
    /** Halts for the rest of the session: no fixed duration. */
    LEVEL_3(3, null);

    private final int level;
    private final Duration haltDuration;

    CircuitBreakerLevel(int level, Duration haltDuration) {
        this.level = level;
        this.haltDuration = haltDuration;
    }

    /** 0 for none, else 1-3. */
    public int level() {
        return level;
    }

    /** How long trading halts: zero for {@link #NONE}, null for the rest of the session ({@link #LEVEL_3}). */
    public Duration haltDuration() {
        return haltDuration;
    }

    public boolean halts() {
        return this != NONE;
    }

    public boolean haltsRestOfSession() {
        return haltDuration == null;
    }
}
