package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role: the roles of the architecture's table get through (to a 2xx, or
 * to a 4xx about the request itself), everyone else gets 403, and no credentials 401. Requests that
 * get through are chosen so they change no version. JWT bearer tokens carry roles the same way.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.secret", value = SecurityMatrixTest.JWT_SECRET)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.jws-algorithm", value = "HS256")
class SecurityMatrixTest {
    static final String JWT_SECRET = "test-only-identity-provider-secret-of-256-bits!";
    private static final String V1 = "/api/v1/rulesets/deleveraging/versions/1";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    enum Endpoint {
        EVALUATE("POST", "/api/v1/evaluations", Snapshots.UNDER_MARGINED, User.TRADER),
        STAGE("POST", "/api/v1/rulesets/deleveraging/versions", "{\"files\": {}}", User.AUTHOR),
        LIST_RULE_SETS("GET", "/api/v1/rulesets", null, anyRole()),
        LIST_VERSIONS("GET", "/api/v1/rulesets/deleveraging/versions", null, anyRole()),
        READ_VERSION("GET", V1, null, anyRole()),
        DIFF("GET", V1 + "/diff?against=1", null, anyRole()),
        APPROVE("POST", V1 + "/approve", "", User.APPROVER),
        ACTIVATE("POST", V1 + "/activate", "", User.OPERATOR),
        ROLLBACK("POST", "/api/v1/rulesets/deleveraging/rollback", "{}", User.OPERATOR),
        AUDIT("GET", "/api/v1/audit", null, User.AUDITOR),
        VERIFY_AUDIT("GET", "/api/v1/audit/verify", null, User.AUDITOR),
        PUBLISH_EPOCH("POST", "/api/v1/solvency/epochs", "{}", User.OPERATOR),
        READ_EPOCH("GET", "/api/v1/solvency/epochs/1", null, User.AUDITOR),
        READ_PROOF("GET", "/api/v1/solvency/epochs/1/proofs/acct-1", null, User.AUDITOR),
        STREAMING("GET", "/api/v1/streaming", null, User.OPERATOR, User.AUDITOR);

        final String method;
        final String path;
        final String body;
        final Set<User> allowed;

        Endpoint(String method, String path, String body, User... allowed) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.allowed = EnumSet.copyOf(Arrays.asList(allowed));
        }

        MutableHttpRequest<?> request() {
            MutableHttpRequest<?> request = method.equals("GET") ? HttpRequest.GET(path) : HttpRequest.POST(path, body);
            return request.contentType("application/json");
        }

        private static User[] anyRole() {
            return new User[]{User.AUTHOR, User.APPROVER, User.OPERATOR, User.TRADER, User.AUDITOR};
        }
    }

    static Stream<Arguments> everyEndpointAndUser() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> Arrays.stream(User.values()).map(user -> Arguments.of(endpoint, user)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndUser")
    void onlyTheTableRolesGetThrough(Endpoint endpoint, User user) {
        Reply reply = api.send(endpoint.request(), user);

        if (endpoint.allowed.contains(user)) {
            assertThat(reply.status()).as(reply.toString()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(user == User.ANONYMOUS ? 401 : 403);
            assertThat(reply.isProblem()).isTrue();
        }
    }

    @Test
    void aPlatformWithoutStreamingSaysSo() {
        Reply status = api.get("/api/v1/streaming", User.OPERATOR);
        assertThat(status.status()).isEqualTo(404);
        assertThat(status.isProblem()).isTrue();
        assertThat(status.json().get("detail").asText()).contains("deleveraging.streaming.enabled");
    }

    @Test
    void healthIsOpenAndAWrongPasswordIsNot() {
        assertThat(api.get("/health", User.ANONYMOUS).status()).isEqualTo(200);
        Reply wrong = api.send(HttpRequest.GET("/api/v1/audit").basicAuth("auditor", "guess"), User.ANONYMOUS);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).isTrue();
    }

    @Test
    void bearerTokensGrantTheirRolesAndNameTheActor() throws Exception {
        String operator = token("ops-jane", List.of("OPERATOR"), JWT_SECRET, Instant.now().plusSeconds(300));

        Reply activate = api.send(HttpRequest.POST(V1 + "/activate", "").bearerAuth(operator), User.ANONYMOUS);
        Reply audit = api.send(HttpRequest.GET("/api/v1/audit").bearerAuth(operator), User.ANONYMOUS);

        assertThat(activate.status()).as(activate.toString()).isEqualTo(409);
        assertThat(audit.status()).isEqualTo(403);
        JsonNode entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("ops-jane");
        assertThat(last.get("action").asText()).isEqualTo("ACTIVATION_REFUSED");
    }

    @Test
    void forgedOrExpiredTokensAreRefused() throws Exception {
        String forged = token("mallory", List.of("AUDITOR"), "another-secret-that-is-long-enough-for-hs256!!",
                Instant.now().plusSeconds(300));
        String expired = token("auditor-joe", List.of("AUDITOR"), JWT_SECRET, Instant.now().minusSeconds(60));

        assertThat(api.send(HttpRequest.GET("/api/v1/audit").bearerAuth(forged), User.ANONYMOUS).status())
                .isEqualTo(401);
        assertThat(api.send(HttpRequest.GET("/api/v1/audit").bearerAuth(expired), User.ANONYMOUS).status())
                .isEqualTo(401);
        String valid = token("auditor-joe", List.of("AUDITOR"), JWT_SECRET, Instant.now().plusSeconds(300));
        assertThat(api.send(HttpRequest.GET("/api/v1/audit").bearerAuth(valid), User.ANONYMOUS).status())
                .isEqualTo(200);
    }

    private static String token(String subject, List<String> roles, String secret, Instant expiry) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("roles", roles).issueTime(new Date()).expirationTime(Date.from(expiry)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
