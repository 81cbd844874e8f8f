package com.deleverage.admin.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Validators of the platform's own constraints on configuration values. */
@Factory
class ConfigurationConstraints {

    @Singleton
    ConstraintValidator<PositiveDuration, Duration> positiveDuration() {
        return (value, annotation, context) -> value == null || value.isPositive();
    }
}
