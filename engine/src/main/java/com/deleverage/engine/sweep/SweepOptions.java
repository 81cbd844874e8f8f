package com.deleverage.engine.sweep;

import com.deleverage.engine.evaluate.EvaluationLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MarketSweep} runs.
 *
 * @param limits  bounds of one tick's rule firing (a tick that hits one fails, and the sweep with it)
 * @param threads threads that assess accounts in parallel (the rules fire on the calling thread)
 */
public record SweepOptions(EvaluationLimits limits, int threads) {
    /**
     * No firing limit below {@code Integer.MAX_VALUE} (a tick of a large book legitimately fires millions of
     * rules), 60 s per tick, one assessment thread per available processor.
     */
    public static final SweepOptions DEFAULT = new SweepOptions(
            new EvaluationLimits(Integer.MAX_VALUE, Duration.ofSeconds(60)), Runtime.getRuntime().availableProcessors());

    public SweepOptions {
        Objects.requireNonNull(limits, "limits");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
