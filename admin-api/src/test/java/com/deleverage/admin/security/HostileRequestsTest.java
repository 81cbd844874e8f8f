package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The red team's hostile requests, over real HTTP: forged bearer tokens of every kind, decimals that would
 * cost minutes, values beyond what storage holds, duplicate keys and the management endpoints. Each gets
 * its exact 4xx problem+json in bounded time, none a 5xx, and after each a normal evaluation still
 * answers 200.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.secret", value = HostileRequestsTest.SECRET)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.jws-algorithm", value = "HS256")
@Property(name = "micronaut.security.token.jwt.claims-validators.audience", value = HostileRequestsTest.AUDIENCE)
class HostileRequestsTest {
    static final String SECRET = "test-only-identity-provider-secret-of-256-bits!";
    static final String AUDIENCE = "deleveraging-platform";
    private static final String OTHER_SECRET = "another-secret-that-is-long-enough-for-hs256!!";
    private static final String SNAPSHOT = Snapshots.UNDER_MARGINED;
    private static final String EVALUATIONS = "/api/v1/evaluations";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @AfterEach
    void evaluationsStillAnswer() {
        Reply reply = api.post(EVALUATIONS, User.TRADER, SNAPSHOT);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    static Stream<Arguments> forgedTokens() {
        Instant hour = Instant.now().plusSeconds(3600);
        String payload = Tokens.allRolesPayload("mallory", AUDIENCE);
        return Stream.of(
                arguments("alg none, no signature", Tokens.raw("{\"alg\":\"none\"}", payload, "")),
                arguments("alg None", Tokens.raw("{\"alg\":\"None\",\"typ\":\"JWT\"}", payload, "")),
                arguments("alg NONE with a signature", Tokens.raw("{\"alg\":\"NONE\"}", payload, "c2lnbmF0dXJl")),
                arguments("unknown algorithm HS999", Tokens.hmacWithHeader("HS999", payload, SECRET)),
                arguments("empty algorithm", Tokens.hmacWithHeader("", payload, SECRET)),
                arguments("signed with another key", Tokens.signed(OTHER_SECRET, "mallory", Tokens.EVERY_ROLE, AUDIENCE, hour)),
                arguments("signature stripped", stripSignature(Tokens.signed(SECRET, "mallory", Tokens.EVERY_ROLE, AUDIENCE, hour))),
                arguments("expired", Tokens.signed(SECRET, "trader-joe", List.of(Roles.TRADING_SYSTEM), AUDIENCE,
                        Instant.now().minusSeconds(120))),
                arguments("wrong audience", Tokens.signed(SECRET, "trader-joe", List.of(Roles.TRADING_SYSTEM),
                        "another-service", hour)),
                arguments("no audience", Tokens.signed(SECRET, "trader-joe", List.of(Roles.TRADING_SYSTEM), null, hour)),
                arguments("subject of 1,000 characters", Tokens.signed(SECRET, "m".repeat(1_000),
                        List.of(Roles.TRADING_SYSTEM), AUDIENCE, hour)),
                arguments("blank subject", Tokens.signed(SECRET, "   ", List.of(Roles.TRADING_SYSTEM), AUDIENCE, hour)),
                arguments("subject with a line break", Tokens.signed(SECRET, "joe\nADMIN approved",
                        List.of(Roles.TRADING_SYSTEM), AUDIENCE, hour)),
                arguments("encrypted-token shape", "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"),
                arguments("not a token", "not-a-token"),
                arguments("three dots of nothing", ".."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void aForgedTokenIsA401AndNothingIsEvaluated(String name, String token) {
        long logged = loggedDecisions();

        Reply reply = api.send(evaluation(SNAPSHOT).bearerAuth(token), User.ANONYMOUS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(loggedDecisions()).isEqualTo(logged);
    }

    @Test
    void aTokenSignedWithTheConfiguredKeyForThisAudienceEvaluatesUnderItsCanonicalSubject() {
        String token = Tokens.signed(SECRET, "  Desk-7 ", List.of(Roles.TRADING_SYSTEM), AUDIENCE,
                Instant.now().plusSeconds(300));

        Reply reply = api.send(evaluation(SNAPSHOT).bearerAuth(token), User.ANONYMOUS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Reply logged = api.get("/api/v1/decisions/" + reply.json().get("decisionId").asText(), User.AUDITOR);
        assertThat(logged.json().get("caller").asText()).isEqualTo("desk-7");
    }

    @Test
    void aTokenForAUTHORCannotApproveTheVersionAuthorStaged() {
        Reply staged = api.post("/api/v1/rulesets/deleveraging/versions", User.AUTHOR,
                SeedPolicy.stageRequest("author's change", SeedPolicy.filesWithComment("hostile four eyes")));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        String approve = "/api/v1/rulesets/deleveraging/versions/" + staged.json().get("version").asInt() + "/approve";

        for (String spelling : List.of("AUTHOR", " Author ", "\uFF21\uFF35\uFF34\uFF28\uFF2F\uFF32")) {
            String token = Tokens.signed(SECRET, spelling, List.of(Roles.POLICY_APPROVER), AUDIENCE,
                    Instant.now().plusSeconds(300));
            Reply own = api.send(HttpRequest.POST(approve, "").bearerAuth(token), User.ANONYMOUS);

            assertThat(own.status()).as(spelling + " -> " + own).isEqualTo(403);
            assertThat(own.json().get("detail").asText()).startsWith("author staged deleveraging v")
                    .contains("four-eyes");
        }
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                arguments("funding premium 1E-9999999", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("\"indexPrice\": 103500.1,", "\"indexPrice\": 103500.1, \"fundingPremium\": \"1E-9999999\","),
                        "markets[0].fundingPremium", "has 9999999 digits after the decimal point; at most 18 are accepted"),
                arguments("fund balance 1E-99999999 as a JSON number", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("\"balance\": \"2500000\"", "\"balance\": 1E-99999999"),
                        "insuranceFunds[0].balance", "has 99999999 digits after the decimal point; at most 18 are accepted"),
                arguments("wallet balance 1E+999999999", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": \"1E+999999999\""),
                        "accounts[0].walletBalance", "has 1000000000 digits before the decimal point; at most 20 are accepted"),
                arguments("account id of 100,000 characters", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("\"acct-1\"", "\"" + "a".repeat(100_000) + "\""),
                        "accounts[0].id", "is 100000 characters long; at most 128 are accepted"),
                arguments("asOf in year 1,000,000,000", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("2025-10-10T21:15:00Z", "+1000000000-01-01T00:00:00Z"),
                        "asOf", "must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                arguments("duplicate wallet balance", EVALUATIONS, User.TRADER,
                        SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\":\"900\",\"walletBalance\":\"1000000\""),
                        "accounts[0].walletBalance", "appears twice in the same object; send each field once"),
                arguments("dry-run funding premium 1E-9999999", "/api/v1/rulesets/deleveraging/versions/1/dry-run",
                        User.AUTHOR,
                        SNAPSHOT.replace("\"indexPrice\": 103500.1,", "\"indexPrice\": 103500.1, \"fundingPremium\": \"1E-9999999\","),
                        "markets[0].fundingPremium", "has 9999999 digits after the decimal point; at most 18 are accepted"),
                arguments("replay insurance fund 1E-9999999", "/api/v1/replays", User.AUTHOR,
                        "{\"versions\": [1], \"prices\": [{\"path\": \"btc-5m.csv\", \"symbol\": \"BTCUSDT\"}], "
                                + "\"insuranceFund\": \"1E-9999999\"}",
                        "insuranceFund", "has 9999999 digits after the decimal point; at most 18 are accepted"),
                arguments("replay with a duplicate key", "/api/v1/replays", User.AUTHOR,
                        "{\"versions\": [1], \"versions\": [2]}",
                        "versions", "appears twice in the same object; send each field once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aHostileBodyIsA400NamingTheFieldAndEvaluatesNothing(String name, String path, User user, String body, String field,
                                               String message) {
        long logged = loggedDecisions();

        Reply reply = api.post(path, user, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors")).as(reply.toString()).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(field);
            assertThat(e.get("message").asText()).isEqualTo(message);
        });
        assertThat(reply.text()).as("the 100,000-character value is not echoed").hasSizeLessThan(2_000);
        assertThat(loggedDecisions()).isEqualTo(logged);
    }

    @Test
    void decisionSearchesBeyondWhatStorageHoldsAre400() {
        Reply asReported = api.get("/api/v1/decisions?from=-999999999-01-01T00:00Z", User.AUDITOR);
        assertThat(asReported.status()).as(asReported.toString()).isEqualTo(400);
        assertThat(asReported.json().get("errors").get(0).get("field").asText()).isEqualTo("from");

        Reply from = api.get("/api/v1/decisions?from=-999999999-01-01T00:00:00Z", User.AUDITOR);
        Reply to = api.get("/api/v1/decisions?from=2025-01-01T00:00:00Z&to=%2B1000000000-01-01T00:00:00Z", User.AUDITOR);

        assertThat(from.status()).as(from.toString()).isEqualTo(400);
        assertThat(from.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(from.json().get("errors").get(0).get("message").asText())
                .isEqualTo("must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
        assertThat(to.status()).as(to.toString()).isEqualTo(400);
        assertThat(to.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    static Stream<Arguments> managementEndpoints() {
        return Stream.of("GET /beans", "GET /routes", "GET /threaddump", "GET /info", "POST /refresh", "GET /env",
                        "GET /loggers", "POST /stop")
                .flatMap(endpoint -> Stream.of(User.ANONYMOUS, User.OPERATOR, User.AUDITOR)
                        .map(user -> arguments(endpoint, user)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("managementEndpoints")
    void managementEndpointsThatExposeInternalsAreOff(String endpoint, User user) {
        String[] methodAndPath = endpoint.split(" ");
        MutableHttpRequest<?> request = methodAndPath[0].equals("GET") ? HttpRequest.GET(methodAndPath[1])
                : HttpRequest.POST(methodAndPath[1], "{}").contentType(MediaType.APPLICATION_JSON_TYPE);

        Reply reply = api.send(request, user);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void theRemainingManagementEndpointsNeedCredentials() {
        assertThat(api.get("/health", User.ANONYMOUS).status()).isEqualTo(200);
        for (String path : List.of("/prometheus", "/metrics")) {
            Reply anonymous = api.get(path, User.ANONYMOUS);
            assertThat(anonymous.status()).as(path + " " + anonymous).isEqualTo(401);
            assertThat(anonymous.isProblem()).isTrue();
            assertThat(api.send(HttpRequest.GET(path).bearerAuth(Tokens.raw("{\"alg\":\"none\"}",
                    Tokens.allRolesPayload("mallory", AUDIENCE), "")), User.ANONYMOUS).status()).isEqualTo(401);
        }
    }

    @Test
    void evaluationsKeepAnsweringWhileHostileRequestsRun() throws Exception {
        List<Arguments> hostile = hostileBodies().toList();
        try (ExecutorService attackers = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Arguments attack : hostile) {
                    Object[] a = attack.get();
                    attacks.add(attackers.submit(() -> api.post((String) a[1], (User) a[2], (String) a[3]).status()));
                }
                attacks.add(attackers.submit(() -> api.post("/api/v1/audit", "mallory", "guess", "{}").status()));
            }

            for (int i = 0; i < 10; i++) {
                Reply normal = api.post(EVALUATIONS, User.TRADER, SNAPSHOT);
                assertThat(normal.status()).as(normal.toString()).isEqualTo(200);
            }
            for (Future<Integer> attack : attacks) {
                assertThat(attack.get()).isBetween(400, 499);
            }
        }
    }

    private static MutableHttpRequest<?> evaluation(String body) {
        return HttpRequest.POST(EVALUATIONS, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private long loggedDecisions() {
        Reply reply = api.get("/api/v1/decisions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&size=1", User.AUDITOR);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("total").asLong();
    }
}
