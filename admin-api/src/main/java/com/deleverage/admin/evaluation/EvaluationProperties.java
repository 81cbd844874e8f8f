package com.deleverage.admin.evaluation;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code deleveraging.evaluation.*}, checked at start (defaults: application.yml; every key: docs/operations.md).
 *
 * @param defaultRuleSet the rule set of a snapshot that names none
 * @param maxRuleFirings rule firings one evaluation may take before it fails
 * @param timeout        wall-clock limit of one evaluation's rule firing
 */
@Context
@ConfigurationProperties("deleveraging.evaluation")
public record EvaluationProperties(@NotBlank String defaultRuleSet,
                                   @Min(1) int maxRuleFirings,
                                   @NotNull @PositiveDuration Duration timeout) {
}
