package com.deleverage.admin.evaluation;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import com.deleverage.engine.sandbox.SandboxLimits;
import jakarta.validation.Valid;
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
 * @param sandbox        what policy code may spend in one evaluation (docs/security.md, policy sandbox)
 */
@Context
@ConfigurationProperties("deleveraging.evaluation")
public record EvaluationProperties(@NotBlank String defaultRuleSet,
                                   @Min(1) int maxRuleFirings,
                                   @NotNull @PositiveDuration Duration timeout,
                                   @NotNull @Valid Sandbox sandbox) {

    /**
     * {@code deleveraging.evaluation.sandbox.*}: the policy sandbox's limits.
     *
     * @param fuelPerFiring     loop iterations (and text and array elements) policy code may run per rule firing
     * @param fuelPerEvaluation the same for the whole evaluation
     * @param maxFacts          facts the policy may insert in one evaluation
     * @param maxTextLength     longest string the policy may build
     * @param maxDecimalDigits  largest precision and scale of a decimal the policy may compute with
     */
    @ConfigurationProperties("sandbox")
    public record Sandbox(@Min(1) long fuelPerFiring, @Min(1) long fuelPerEvaluation, @Min(1) int maxFacts,
                          @Min(1) int maxTextLength, @Min(1) int maxDecimalDigits) {
        public SandboxLimits limits() {
            return new SandboxLimits(fuelPerFiring, fuelPerEvaluation, maxFacts, maxTextLength, maxDecimalDigits);
        }
    }
}
