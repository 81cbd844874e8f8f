package com.deleverage.admin.console;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;

/**
 * {@code deleveraging.console.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param sessionKey     the secret console session tokens are signed with (at least 32 characters); when
 *                       absent, each node draws a random one at start, so sessions end with a restart and
 *                       hold on one node only (set the same key on every node of a fleet)
 * @param sessionTimeout how long a console sign-in lasts
 * @param secureCookie   whether the session cookie is {@code Secure} (sent over HTTPS only; browsers treat
 *                       {@code http://localhost} as secure); false only for plain HTTP on another host
 */
@Context
@ConfigurationProperties("deleveraging.console")
public record ConsoleProperties(@Nullable @Size(min = 32, message = "at least 32 characters") String sessionKey,
                                @NotNull @PositiveDuration Duration sessionTimeout,
                                boolean secureCookie) {
}
