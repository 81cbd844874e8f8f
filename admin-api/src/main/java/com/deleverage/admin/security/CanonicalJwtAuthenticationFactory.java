package com.deleverage.admin.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A validated token's subject becomes the caller's identity in its canonical spelling ({@link Identities});
 * a subject that cannot be an identity (blank, over 128 characters, control characters) authenticates
 * no one.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class CanonicalJwtAuthenticationFactory extends DefaultJwtAuthenticationFactory {
    public CanonicalJwtAuthenticationFactory(TokenConfiguration tokenConfiguration, RolesFinder rolesFinder) {
        super(tokenConfiguration, rolesFinder);
    }

    @Override
    protected Optional<String> usernameForClaims(Claims claims) {
        return super.usernameForClaims(claims).flatMap(Identities::accepted);
    }
}
