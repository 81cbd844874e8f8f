package com.deleverage.admin.audit;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/**
 * {@code deleveraging.audit.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 * Which key settings may be combined is {@link AuditKeys}' to say, with messages of its own.
 *
 * @param key                the current key's secret, or null (then {@code keyFile})
 * @param keyId              the current key's id
 * @param retiredKeys        earlier keys as {@code id:secret}, kept to verify older rows
 * @param keyFile            a file of lines {@code <id> <secret>}, the last one current, or null
 * @param checkpointFile     where signed checkpoints are appended
 * @param checkpointInterval how often the chains' heads are checked and, when they moved, exported
 */
@Context
@ConfigurationProperties("deleveraging.audit")
public record AuditProperties(@Nullable String key,
                              @NotBlank String keyId,
                              @NotNull List<String> retiredKeys,
                              @Nullable String keyFile,
                              @NotBlank String checkpointFile,
                              @NotNull @PositiveDuration Duration checkpointInterval) {
}
