package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console session at the HTTP level, without a browser: what the sign-in form's post sets, that the
 * session cookie opens console pages and never an API endpoint, and that a post needs the session's CSRF token.
 */
@MicronautTest(environments = "dev", transactional = false)
class ConsoleSessionTest {
    private static final Pattern FORM_TOKEN = ConsoleSignIn.FORM_TOKEN;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theSessionCookieOpensConsolePagesOnly() {
        String session = signIn("auditor", "auditor-dev-password");

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/console/audit")
                .cookie(Cookie.of("console-session", session)), String.class);
        assertThat(page.status().getCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in as <strong id=\"user-name\">auditor</strong>");

        HttpClientResponseException api = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit").cookie(Cookie.of("console-session", session))));
        assertThat(api.getStatus().getCode()).isEqualTo(401);
    }

    /**
     * The platform holds no API key of its own: its only signing key is the console's, so a session token
     * copied out of its cookie must not authenticate an API call (it did before: the console key counted as
     * a verification key), nor open a console page from an Authorization header instead of the cookie.
     */
    @Test
    void theSessionTokenIsNoBearerTokenAnywhere() {
        String session = signIn("operator", "operator-dev-password");

        HttpClientResponseException api = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit").bearerAuth(session)));
        assertThat(api.getStatus().getCode()).isEqualTo(401);
        HttpClientResponseException activate = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/rulesets/deleveraging/versions/1/activate", "")
                        .bearerAuth(session)));
        assertThat(activate.getStatus().getCode()).isEqualTo(401);

        HttpResponse<String> console = http.toBlocking().exchange(HttpRequest.GET("/console/audit").bearerAuth(session),
                String.class);
        // the client follows the console's 303 to the sign-in form
        assertThat(console.body()).contains("<title>Sign in · Deleveraging console</title>").doesNotContain("Signed in as");
    }

    @Test
    void aRoleCannotPressAnActionItDoesNotHaveEvenWithTheRightCsrfToken() {
        String session = signIn("operator", "operator-dev-password");
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/console/rulesets/deleveraging/versions/1")
                .cookie(Cookie.of("console-session", session)), String.class);
        Matcher token = FORM_TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();

        HttpClientResponseException approve = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/console/rulesets/deleveraging/versions/1/approve", "")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header(CsrfTokens.HEADER, token.group(1))
                        .cookie(Cookie.of("console-session", session)), String.class));

        assertThat(approve.getStatus().getCode()).isEqualTo(403);
        assertThat(approve.getResponse().getBody(String.class).orElse("")).contains("Your roles do not allow this.");
    }

    private String signIn(String user, String password) {
        return ConsoleSignIn.sessionToken(http, user, password);
    }
}
