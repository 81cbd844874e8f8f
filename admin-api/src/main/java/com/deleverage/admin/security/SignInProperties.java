package com.deleverage.admin.security;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code deleveraging.security.sign-in.*}, checked at start (defaults: application.yml; every key:
 * docs/operations.md).
 *
 * @param maxFailuresPerUser    failed sign-ins of one user, from anywhere, before its sign-ins get 429
 * @param maxFailuresPerAddress failed sign-ins from one client address, as anyone, before its sign-ins get 429
 * @param window                counted from the first failure
 */
@Context
@ConfigurationProperties("deleveraging.security.sign-in")
public record SignInProperties(@Min(1) int maxFailuresPerUser,
                               @Min(1) int maxFailuresPerAddress,
                               @NotNull @PositiveDuration Duration window) {
}
