package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF tokens of the console. A signed-in session's token is bound to its session cookie (an HMAC of the
 * cookie under the console key), so it needs no storage, changes with every sign-in and cannot be computed
 * by anyone who cannot read the HTTP-only cookie. Before sign-in, the form's token is a random value that
 * the sign-in cookie repeats (double submit). Pages put the token in the {@value #HEADER} header of every
 * htmx request; {@link CsrfFilter} checks it on every state-changing request.
 */
@Singleton
public class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleSessionKey key;
    private final ConsoleCookies cookies;

    public CsrfTokens(ConsoleSessionKey key, ConsoleCookies cookies) {
        this.key = key;
        this.cookies = cookies;
    }

    /** The token pages of this session send; empty without a session cookie. */
    public Optional<String> forSession(HttpRequest<?> request) {
        return cookies.session(request).map(session -> key.mac("csrf", session));
    }

    /** A fresh token for a sign-in form, also to be set as its cookie. */
    String newSignInToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the request carries the token its cookies call for: the session's, or the sign-in form's. */
    boolean accepts(HttpRequest<?> request, boolean signIn) {
        Optional<String> expected = signIn ? cookies.signIn(request) : forSession(request);
        String presented = request.getHeaders().get(HEADER);
        return expected.isPresent() && presented != null
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
