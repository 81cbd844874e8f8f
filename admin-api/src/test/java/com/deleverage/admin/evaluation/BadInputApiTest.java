package com.deleverage.admin.evaluation;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every class of bad input the issue names, over HTTP: each is refused with a 4xx problem+json that
 * names the offending field, none produces a 5xx, and none leaves anything in the decision log.
 */
@MicronautTest(environments = "dev", transactional = false)
class BadInputApiTest {
    static final String SNAPSHOT = Snapshots.UNDER_MARGINED;
    static final String TWO_TIERS = "\"riskTiers\": [{\"notionalFloor\": \"0\", \"notionalCap\": \"10000000\",";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    static Stream<Arguments> badSnapshots() {
        return Stream.of(
                // A missing required field is reported at its object, naming the field in the message.
                arguments("missing mark price", SNAPSHOT.replace("\"markPrice\": \"103441.3\", ", ""),
                        "markets[0]"),
                arguments("negative mark price", SNAPSHOT.replace("\"markPrice\": \"103441.3\"", "\"markPrice\": \"-103441.3\""),
                        "markets[0].markPrice"),
                arguments("zero mark price", SNAPSHOT.replace("\"markPrice\": \"103441.3\"", "\"markPrice\": 0"),
                        "markets[0].markPrice"),
                arguments("zero entry price", SNAPSHOT.replace("\"entryPrice\": \"100000\", \"leverage\": 20",
                        "\"entryPrice\": \"0\", \"leverage\": 20"), "accounts[0].positions[0].entryPrice"),
                arguments("unknown market in a position", SNAPSHOT.replace("\"symbol\": \"BTCUSDT\", \"quantity\": \"-0.5\"",
                        "\"symbol\": \"ETHUSDT\", \"quantity\": \"-0.5\""), "accounts[0].positions[0].symbol"),
                arguments("NaN as a string", SNAPSHOT.replace("\"markPrice\": \"103441.3\"", "\"markPrice\": \"NaN\""),
                        "markets[0].markPrice"),
                // Tokens the JSON parser refuses are reported at the object being read, with line and column.
                arguments("NaN as a JSON token", SNAPSHOT.replace("\"markPrice\": \"103441.3\"", "\"markPrice\": NaN"),
                        "markets[0]"),
                arguments("Infinity", SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": \"Infinity\""),
                        "accounts[0].walletBalance"),
                arguments("non-numeric decimal", SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": \"19OO\""),
                        "accounts[0].walletBalance"),
                arguments("a decimal as a JSON object", SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": {}"),
                        "accounts[0].walletBalance"),
                arguments("absurd quantity", SNAPSHOT.replace("\"quantity\": \"-0.5\"", "\"quantity\": \"-5e20\""),
                        "accounts[0].positions[0].quantity"),
                arguments("absurd wallet balance", SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": 1e300"),
                        "accounts[0].walletBalance"),
                arguments("a number of 300 digits", SNAPSHOT.replace("\"walletBalance\": \"1900\"",
                        "\"walletBalance\": " + "9".repeat(300)), "accounts[0]"),
                arguments("duplicate account id", SNAPSHOT.replace("\"id\": \"acct-2\"", "\"id\": \"acct-1\""),
                        "accounts[1].id"),
                arguments("unknown margin mode", SNAPSHOT.replace("\"marginMode\": \"CROSS\"", "\"marginMode\": \"CROSSED\""),
                        "accounts[0].marginMode"),
                arguments("risk tiers with a gap", SNAPSHOT.replace(TWO_TIERS, TWO_TIERS.replace("10000000", "50000")
                        + " \"maintenanceMarginRate\": \"0.004\", \"maintenanceAmount\": \"0\", \"maxLeverage\": 125},"
                        + " {\"notionalFloor\": \"60000\", \"notionalCap\": \"10000000\","),
                        "markets[0].riskTiers[1].notionalFloor"),
                arguments("risk tiers that overlap", SNAPSHOT.replace(TWO_TIERS, TWO_TIERS.replace("10000000", "50000")
                        + " \"maintenanceMarginRate\": \"0.004\", \"maintenanceAmount\": \"0\", \"maxLeverage\": 125},"
                        + " {\"notionalFloor\": \"40000\", \"notionalCap\": \"10000000\","),
                        "markets[0].riskTiers[1].notionalFloor"),
                arguments("risk tiers not starting at 0", SNAPSHOT.replace("\"notionalFloor\": \"0\"", "\"notionalFloor\": \"10\""),
                        "markets[0].riskTiers[0].notionalFloor"),
                arguments("unknown field", SNAPSHOT.replace("\"leverage\": 20,", "\"leverage\": 20, \"levrage\": 3,"),
                        "accounts[0].positions[0].levrage"),
                arguments("missing asOf", SNAPSHOT.replace("\"asOf\": \"2025-10-10T21:15:00Z\",", ""), "asOf"),
                arguments("asOf not a time", SNAPSHOT.replace("2025-10-10T21:15:00Z", "yesterday"), "asOf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSnapshots")
    void refusedWith400NamingTheFieldAndNothingIsLogged(String name, String body, String field) {
        long logged = loggedDecisions();

        Reply reply = api.post("/api/v1/evaluations", User.TRADER, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.json().get("errors")).as(reply.toString())
                .anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
        assertThat(reply.json().get("detail").asText()).contains(field);
        assertThat(loggedDecisions()).isEqualTo(logged);
    }

    @Test
    void malformedJsonInAnyShapeIsA400() {
        long logged = loggedDecisions();
        for (String body : new String[]{"{\"asOf\": ", "[]", "\"a string\"", "42", "{]", SNAPSHOT + "}",
                SNAPSHOT.replace("\"accounts\": [", "\"accounts\": {"), ""}) {
            Reply reply = api.post("/api/v1/evaluations", User.TRADER, body);
            assertThat(reply.status()).as(body + " -> " + reply).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        }
        assertThat(loggedDecisions()).isEqualTo(logged);
    }

    @Test
    void anOversizedPayloadIsA413Problem() {
        long logged = loggedDecisions();
        StringBuilder accounts = new StringBuilder();
        int i = 0;
        while (accounts.length() < 5_000_000) {
            accounts.append(",{\"id\": \"bulk-").append(i++).append("\", \"walletBalance\": \"1000\", \"marginMode\": \"CROSS\", \"positions\": []}");
        }
        String body = SNAPSHOT.replace("\"accounts\": [", "\"accounts\": [" + accounts.substring(1) + ",");

        Reply reply = api.post("/api/v1/evaluations", User.TRADER, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(loggedDecisions()).isEqualTo(logged);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, SNAPSHOT).status()).as("still serving").isEqualTo(200);
    }

    @Test
    void aMalformedIdempotencyKeyIsA400() {
        Reply reply = api.send(io.micronaut.http.HttpRequest.POST("/api/v1/evaluations", SNAPSHOT)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "x".repeat(200)), User.TRADER);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    private long loggedDecisions() {
        Reply reply = api.get("/api/v1/decisions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&size=1", User.AUDITOR);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("total").asLong();
    }
}
