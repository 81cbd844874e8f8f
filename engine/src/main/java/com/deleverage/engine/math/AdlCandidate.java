package com.deleverage.engine.math;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position offered to an auto-deleveraging queue with its score (higher is deleveraged first).
 *
 * @param position the position as assessed
 * @param score    its ADL score, e.g. from {@link AdlScore#of}
 */
public record AdlCandidate(AssessedPosition position, BigDecimal score) {
    public AdlCandidate {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(score, "score");
    }
}
