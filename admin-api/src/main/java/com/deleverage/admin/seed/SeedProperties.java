package com.deleverage.admin.seed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code deleveraging.seed.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param classpathFolder the class-path folder of the policy seeded as version 1 into an empty database
 */
@Context
@ConfigurationProperties("deleveraging.seed")
public record SeedProperties(@NotBlank String classpathFolder) {
}
