package com.deleverage.engine.math;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position offered to an auto-deleveraging queue with its owner and its score (higher is deleveraged first).
 *
 * @param position the position as assessed
 * @param owner    the account holding it (re-scoring after a fill needs its wallet and other positions)
 * @param score    its ADL score, e.g. from {@link AdlScore#of}
 */
public record AdlCandidate(AssessedPosition position, AssessedAccount owner, BigDecimal score) {
    public AdlCandidate {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(score, "score");
        if (!position.accountId().equals(owner.accountId())) {
            throw new IllegalArgumentException("position of " + position.accountId() + " offered with the owner "
                    + owner.accountId());
        }
    }
}
