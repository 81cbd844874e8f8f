package com.deleverage.admin.replay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code deleveraging.replay.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param dataDir       the only folder HTTP replays read price files from ({@link ReplayDataDirectory})
 * @param maxConcurrent replays running at once; a submission beyond gets 429
 * @param retained      finished replays kept in memory with their reports
 * @param maxAccounts   the largest book a replay may generate or be given
 */
@Context
@ConfigurationProperties("deleveraging.replay")
public record ReplayProperties(@NotBlank String dataDir,
                               @Min(1) int maxConcurrent,
                               @Min(1) int retained,
                               @Min(1) int maxAccounts) {
}
