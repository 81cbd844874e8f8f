package com.deleverage.admin.activation;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A completed activation: the version now active and the one it replaced.
 *
 * @param previousVersion the version active before, or null for the first activation
 */
public record Activation(String ruleSet, int version, String hash, @Nullable Integer previousVersion,
                         ActivationKind kind, String actor, @Nullable String reason, Instant activatedAt) {
}
