package com.deleverage.engine.evaluate;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one evaluation. Hitting either fails the evaluation (fail closed) instead of letting a
 * looping policy hang the caller.
 *
 * @param maxRuleFirings most rule firings one evaluation may take
 * @param timeout        wall-clock limit of the rule firing phase
 */
public record EvaluationLimits(int maxRuleFirings, Duration timeout) {
    /** 1,000,000 firings and 10 seconds: far above what the reference policy needs for 100,000 accounts. */
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(1_000_000, Duration.ofSeconds(10));

    public EvaluationLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxRuleFirings < 1) {
            throw new IllegalArgumentException("maxRuleFirings must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
