package com.deleverage.admin.console;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/**
 * Keeps console sessions and API credentials apart. Every token the platform signs is a console session
 * token and names the audience {@value #AUDIENCE} (micronaut-security-jwt asks this bean for the audience of
 * the tokens it generates). A token with that audience authenticates console pages only: copied out of its
 * cookie and sent to the API as a bearer token it is refused (401), so the API accepts bearer tokens only
 * from a key the operator configured. Console pages, in turn, accept only such a token, and only from the
 * session cookie (a request carrying an {@code Authorization} header is not a console session).
 *
 * @param <T> the request type micronaut-security validates tokens for
 */
@Singleton
public class ConsoleSessionScope<T> implements GenericJwtClaimsValidator<T>, ClaimsAudienceProvider {
    public static final String AUDIENCE = "deleveraging-console";

    @Override
    public List<String> audience() {
        return List.of(AUDIENCE);
    }

    @Override
    public boolean validate(Claims claims, T request) {
        boolean consoleToken = consoleAudience(claims);
        if (request instanceof HttpRequest<?> http && ConsoleCookies.covers(http)) {
            return consoleToken && !http.getHeaders().contains(HttpHeaders.AUTHORIZATION);
        }
        return !consoleToken;
    }

    /**
     * Whether this is a console session on a console page: the operator's issuer and audience checks, meant for
     * the identity provider's tokens, do not apply to it (the platform signs it with its own console key).
     */
    static boolean isConsoleSession(Claims claims, Object request) {
        return request instanceof HttpRequest<?> http && ConsoleCookies.covers(http) && consoleAudience(claims);
    }

    private static boolean consoleAudience(Claims claims) {
        Object audience = claims.get(Claims.AUDIENCE);
        return audience instanceof Collection<?> many ? many.contains(AUDIENCE) : AUDIENCE.equals(audience);
    }
}
