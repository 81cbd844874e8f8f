package com.deleverage.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The circuit-breaker state of a market for one trading session (CME: each level fires once per session, from
 * the session's reference price). A session is a UTC calendar day: crypto markets trade around the clock, and
 * the venues' daily figures (settlement, funding schedules) start at 00:00 UTC.
 *
 * <p>The trading system (or a sweep, or a replay) carries it from one evaluation to the next: a halt a
 * decision imposes with a breaker level raises {@link #highestLevelFired} ({@link #fired}); the first
 * evaluation of a new UTC day starts a new session at that moment's mark ({@link #at}).
 *
 * @param referencePrice    the price the session's declines are measured from (CME: the reference price; here
 *                          the mark at the session's start), &gt; 0
 * @param sessionDate       the UTC day of the session
 * @param highestLevelFired the highest breaker level that already halted the market in this session, 0 when
 *                          none (also when not given); a level at or below it does not halt again in the
 *                          session (the snapshot's input rules check all three)
 */
public record CircuitBreakerSession(BigDecimal referencePrice, LocalDate sessionDate, Integer highestLevelFired) {
    /** The highest breaker level there is (CME's level 3 halts for the rest of the session). */
    public static final int TOP_LEVEL = 3;

    public CircuitBreakerSession {
        highestLevelFired = highestLevelFired == null ? 0 : highestLevelFired;
    }

    /** A session starting at {@code at} from {@code referencePrice}, no level fired yet. */
    public static CircuitBreakerSession start(Instant at, BigDecimal referencePrice) {
        return new CircuitBreakerSession(referencePrice, dayOf(at), 0);
    }

    /** The UTC day of an instant: the session it belongs to. */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * This session at {@code asOf}: the same while the UTC day lasts; on a later day a new session from
     * {@code mark}, with no level fired.
     */
    public CircuitBreakerSession at(Instant asOf, BigDecimal mark) {
        return dayOf(asOf).isAfter(sessionDate) ? start(asOf, mark) : this;
    }

    /** The session after a halt of breaker level {@code level}: levels up to it are spent for the session. */
    public CircuitBreakerSession fired(int level) {
        return level > highestLevelFired ? new CircuitBreakerSession(referencePrice, sessionDate, level) : this;
    }
}
