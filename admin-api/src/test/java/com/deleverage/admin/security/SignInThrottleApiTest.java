package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Failed HTTP Basic sign-ins over real HTTP, all from 127.0.0.1: after the user's limit its sign-ins get
 * 429 problem+json with Retry-After (even with the right password, and without bcrypt), after the
 * address's limit every new sign-in from it does, and credentials already proven keep working throughout.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.security.sign-in.max-failures-per-user", value = "3")
@Property(name = "deleveraging.security.sign-in.max-failures-per-address", value = "6")
@Property(name = "deleveraging.security.sign-in.window", value = "15m")
class SignInThrottleApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void failedSignInsAreThrottledPerUserThenPerAddressButProvenCredentialsStillEvaluate() {
        Api api = new Api(http);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status())
                .as("the trading system signs in before the attack").isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/evaluations", "auditor", "guess-" + i, "{}").status()).isEqualTo(401);
        }
        Reply held = api.send(HttpRequest.GET("/api/v1/audit").basicAuth("auditor", "auditor-dev-password"), User.ANONYMOUS);

        assertThat(held.status()).as(held.toString()).isEqualTo(429);
        assertThat(held.isProblem()).isTrue();
        assertThat(held.json().get("detail").asText()).startsWith("too many failed sign-ins for this user or from this address");
        long retryAfter = Long.parseLong(retryAfter(HttpRequest.GET("/api/v1/audit")
                .basicAuth(" AUDITOR ", "auditor-dev-password")));
        assertThat(retryAfter).as("the same user in another spelling").isBetween(1L, 900L);
        assertThat(api.get("/api/v1/rulesets", User.OPERATOR).status()).as("another user").isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/evaluations", "nobody-" + i, "guess", "{}").status()).isEqualTo(401);
        }

        assertThat(api.get("/api/v1/rulesets", User.APPROVER).status()).as("a new sign-in from the address").isEqualTo(429);
        assertThat(api.get("/api/v1/rulesets", User.OPERATOR).status()).as("proven before the address was held").isEqualTo(200);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status())
                .as("the trading system keeps evaluating").isEqualTo(200);
    }

    private String retryAfter(MutableHttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.accept(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(429);
        return e.getResponse().getHeaders().get("Retry-After");
    }
}
