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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console session at the HTTP level, without a browser: what the sign-in form's post sets, that the
 * session cookie opens console pages and never an API endpoint, and that a post needs the session's CSRF token.
 */
@MicronautTest(environments = "dev", transactional = false)
class ConsoleSessionTest {
    private static final Pattern FORM_TOKEN = Pattern.compile("X-CSRF-Token&quot;: &quot;([A-Za-z0-9_-]+)&quot;");

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

    /** Signs in through the form's requests; the session cookie's value. */
    private String signIn(String user, String password) {
        HttpResponse<String> form = http.toBlocking().exchange(HttpRequest.GET("/console/login"), String.class);
        Matcher token = FORM_TOKEN.matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        String signInCookie = form.getCookie("console-sign-in").orElseThrow().getValue();

        HttpResponse<String> signedIn = http.toBlocking().exchange(HttpRequest.POST("/console/login",
                        "username=" + user + "&password=" + password)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(CsrfTokens.HEADER, token.group(1))
                .cookie(Cookie.of("console-sign-in", signInCookie)), String.class);
        assertThat(signedIn.header("HX-Redirect")).isEqualTo("/console");
        List<String> setCookies = signedIn.getHeaders().getAll("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("console-session=")).findFirst().orElseThrow();
        assertThat(session).contains("Path=/console").contains("HTTPOnly").contains("Secure").contains("SameSite=Strict");
        return session.substring("console-session=".length(), session.indexOf(';'));
    }
}
