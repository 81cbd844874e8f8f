package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped configuration has no JWT verification key: the red team's unsigned token granting every
 * role was accepted. Now every bearer token is refused, signed or not, and HTTP Basic still works.
 */
@MicronautTest(environments = "dev", transactional = false)
class NoVerificationKeyTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void withoutAKeyNoBearerTokenAuthenticates() {
        Api api = new Api(http);
        String unsigned = Tokens.raw("{\"alg\":\"none\"}", Tokens.allRolesPayload("mallory", "any"), "");
        String signed = Tokens.signed("a-secret-the-platform-was-never-told-about!!", "mallory", Tokens.EVERY_ROLE,
                null, Instant.now().plusSeconds(300));

        for (String token : List.of(unsigned, signed)) {
            Reply evaluate = api.send(HttpRequest.POST("/api/v1/evaluations", Snapshots.UNDER_MARGINED)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token), User.ANONYMOUS);
            Reply activate = api.send(HttpRequest.POST("/api/v1/rulesets/deleveraging/versions/1/activate", "")
                    .bearerAuth(token), User.ANONYMOUS);

            assertThat(evaluate.status()).as(evaluate.toString()).isEqualTo(401);
            assertThat(evaluate.isProblem()).isTrue();
            assertThat(activate.status()).as(activate.toString()).isEqualTo(401);
        }
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status()).isEqualTo(200);
    }
}
