package com.deleverage.admin.decision;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code deleveraging.decision-log.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param mode           {@code group-commit}, {@code sync} or {@code off} ({@link DecisionLogWriter})
 * @param maxBatch       decisions committed together at most (group-commit)
 * @param queueCapacity  decisions waiting for the writer at most; beyond, 503
 * @param ackTimeout     how long a request waits for its decision's commit before 503
 * @param storeInput     whether each decision's input is kept (replay needs it)
 * @param inputRetention how long an input is kept; zero keeps it forever
 * @param retentionCheck how often inputs past their retention are removed
 */
@Context
@ConfigurationProperties("deleveraging.decision-log")
public record DecisionLogProperties(@NotNull DecisionLogWriter.Mode mode,
                                    @Min(1) int maxBatch,
                                    @Min(1) int queueCapacity,
                                    @NotNull @PositiveDuration Duration ackTimeout,
                                    boolean storeInput,
                                    @NotNull Duration inputRetention,
                                    @NotNull @PositiveDuration Duration retentionCheck) {
}
