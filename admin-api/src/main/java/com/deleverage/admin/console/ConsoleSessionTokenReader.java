package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the console's session token from its cookie, for console requests only: micronaut-security then
 * validates it like any JWT (signature, expiry) and the request is authenticated as its user with its roles.
 * An API request is never authenticated by the cookie, even if a client sends it there.
 */
@Singleton
public class ConsoleSessionTokenReader implements TokenReader<HttpRequest<?>> {
    private final ConsoleCookies cookies;

    public ConsoleSessionTokenReader(ConsoleCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return ConsoleCookies.covers(request) ? cookies.session(request) : Optional.empty();
    }
}
