package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in to the console the way its form does (two requests, no browser), for tests at the HTTP level. */
public final class ConsoleSignIn {
    /** The CSRF token the sign-in form and console pages hand to htmx. */
    public static final Pattern FORM_TOKEN = Pattern.compile("X-CSRF-Token&quot;: &quot;([A-Za-z0-9_-]+)&quot;");

    private ConsoleSignIn() {
    }

    /** Signs in through the form's requests; the session cookie's value (checked to be HTTP-only, Secure, Strict). */
    public static String sessionToken(HttpClient http, String user, String password) {
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
