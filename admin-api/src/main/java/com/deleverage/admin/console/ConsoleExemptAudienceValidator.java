package com.deleverage.admin.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * The operator's {@code claims-validators.audience}, for every token but a console session on a console page
 * ({@link ConsoleSessionScope} checks that one): otherwise setting an audience would sign everyone out of the
 * console.
 *
 * @param <T> the request type
 */
@Singleton
@Replaces(AudienceJwtClaimsValidator.class)
@Requires(property = "micronaut.security.token.jwt.claims-validators.audience")
public class ConsoleExemptAudienceValidator<T> extends AudienceJwtClaimsValidator<T> {
    public ConsoleExemptAudienceValidator(JwtClaimsValidatorConfiguration configuration) {
        super(configuration);
    }

    @Override
    public boolean validate(Claims claims, T request) {
        return ConsoleSessionScope.isConsoleSession(claims, request) || super.validate(claims, request);
    }
}
