package com.deleverage.admin.candidate;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

/**
 * {@code deleveraging.candidates.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param cacheSize compiled non-active versions kept for dry runs, shadow runs and replays
 */
@Context
@ConfigurationProperties("deleveraging.candidates")
public record CandidateProperties(@Min(1) int cacheSize) {
}
