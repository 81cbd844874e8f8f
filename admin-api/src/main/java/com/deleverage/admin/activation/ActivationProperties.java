package com.deleverage.admin.activation;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code deleveraging.activation.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param pollInterval how often a node reads the active versions and the shadow runs that other nodes recorded
 *                     ({@link ActiveVersionSync}, {@code ShadowService}): the fallback of LISTEN/NOTIFY
 */
@Context
@ConfigurationProperties("deleveraging.activation")
public record ActivationProperties(@NotNull @PositiveDuration Duration pollInterval) {
}
