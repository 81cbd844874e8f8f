package com.deleverage.admin.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * The operator's {@code claims-validators.issuer}, for every token but a console session on a console page
 * (the platform, not the identity provider, issues those; {@link ConsoleSessionScope} checks them).
 *
 * @param <T> the request type
 */
@Singleton
@Replaces(IssuerJwtClaimsValidator.class)
@Requires(property = IssuerJwtClaimsValidator.ISSUER_PROP)
public class ConsoleExemptIssuerValidator<T> extends IssuerJwtClaimsValidator<T> {
    public ConsoleExemptIssuerValidator(JwtClaimsValidatorConfiguration configuration) {
        super(configuration);
    }

    @Override
    public boolean validate(Claims claims, T request) {
        return ConsoleSessionScope.isConsoleSession(claims, request) || super.validate(claims, request);
    }
}
