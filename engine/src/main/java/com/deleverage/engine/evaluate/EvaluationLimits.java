package com.deleverage.engine.evaluate;

import com.deleverage.engine.sandbox.SandboxLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one evaluation. Hitting either fails the evaluation (fail closed) instead of letting a
 * looping policy hang the caller.
 *
 * @param maxRuleFirings most rule firings one evaluation may take
 * @param timeout        wall-clock limit of the rule firing phase
 * @param sandbox        what policy code may spend inside the evaluation (loop fuel, facts, text, decimals)
 */
public record EvaluationLimits(int maxRuleFirings, Duration timeout, SandboxLimits sandbox) {
    /** 1,000,000 firings and 10 seconds: far above what the reference policy needs for 100,000 accounts. */
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(1_000_000, Duration.ofSeconds(10));

    /** Limits with the default sandbox (fuel, facts, text, decimals). */
    public EvaluationLimits(int maxRuleFirings, Duration timeout) {
        this(maxRuleFirings, timeout, SandboxLimits.DEFAULT);
    }

    public EvaluationLimits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sandbox, "sandbox");
        if (maxRuleFirings < 1) {
            throw new IllegalArgumentException("maxRuleFirings must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
