package com.deleverage.admin.shadow;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

/**
 * {@code deleveraging.shadow.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param threads       threads that run shadow evaluations, off the request path
 * @param queueCapacity comparisons waiting for them at most; beyond, they are dropped and counted
 */
@Context
@ConfigurationProperties("deleveraging.shadow")
public record ShadowProperties(@Min(1) int threads, @Min(1) int queueCapacity) {
}
