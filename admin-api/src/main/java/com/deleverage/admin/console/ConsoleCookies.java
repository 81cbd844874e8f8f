package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The console's two cookies, both HTTP-only, {@code SameSite=Strict} and limited to {@code /console} (so a
 * browser never sends them to the API, whose callers authenticate with Basic or bearer credentials): the
 * session (a signed JWT, read back by {@link ConsoleSessionTokenReader}), and the sign-in form's CSRF token.
 */
@Singleton
public class ConsoleCookies {
    public static final String PATH = "/console";
    static final String SESSION = "console-session";
    static final String SIGN_IN = "console-sign-in";

    private final ConsoleProperties properties;

    public ConsoleCookies(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** Whether the request is for a console page (the cookies' path). */
    static boolean covers(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    Cookie session(String token) {
        return cookie(SESSION, token, properties.sessionTimeout());
    }

    Cookie signIn(String token) {
        return cookie(SIGN_IN, token, Duration.ofHours(1));
    }

    Cookie expiredSession() {
        return cookie(SESSION, "", Duration.ZERO);
    }

    Cookie expiredSignIn() {
        return cookie(SIGN_IN, "", Duration.ZERO);
    }

    Optional<String> session(HttpRequest<?> request) {
        return value(request, SESSION);
    }

    Optional<String> signIn(HttpRequest<?> request) {
        return value(request, SIGN_IN);
    }

    private static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }

    private Cookie cookie(String name, String value, Duration maxAge) {
        return Cookie.of(name, value).path(PATH).httpOnly(true).secure(properties.secureCookie())
                .sameSite(SameSite.Strict).maxAge(maxAge);
    }
}
