package com.deleverage.admin.evaluation;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.engine.compile.ContentHash;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/evaluations over real HTTP against a freshly seeded platform (the tests' seed policy is
 * version 1 of rule set "deleveraging"): the contract's response with every figure, and a 400 problem
 * naming the field for bad input.
 */
@MicronautTest(environments = "dev", transactional = false)
class EvaluationApiTest {
    static final String SNAPSHOT = Snapshots.UNDER_MARGINED;

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void underMarginedAccountIsLiquidatedByVersionOneOfTheSeededSeedPolicy() {
        Reply reply = api.post("/api/v1/evaluations", User.TRADER, SNAPSHOT);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        String seedHash = ContentHash.of(SeedPolicy.files());
        assertThat(body.get("ruleSet").asText()).isEqualTo("deleveraging");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("versionHash").asText()).isEqualTo(seedHash).startsWith("sha256:");
        assertThat(body.get("decisionId").asText()).isNotBlank();
        assertThat(body.get("asOf").asText()).isEqualTo("2025-10-10T21:15:00Z");
        assertThat(body.get("evaluatedAt").asText()).isNotBlank();

        JsonNode account = body.get("accounts").get(0);
        assertThat(account.get("id").asText()).isEqualTo("acct-1");
        assertThat(account.get("equity").asText()).isEqualTo("179.35");
        assertThat(account.get("maintenanceMargin").asText()).isEqualTo("206.8826");
        assertThat(account.get("marginRatio").asText()).isEqualTo("1.1535132423");
        JsonNode position = account.get("positions").get(0);
        assertThat(position.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(position.get("notional").asText()).isEqualTo("51720.65");
        assertThat(position.get("bankruptcyPrice").asText()).isEqualTo("103800");

        JsonNode liquidations = body.get("actions");
        assertThat(liquidations).hasSize(1);
        JsonNode liquidate = liquidations.get(0);
        assertThat(liquidate.get("type").asText()).isEqualTo("LIQUIDATE");
        assertThat(liquidate.get("account").asText()).isEqualTo("acct-1");
        assertThat(liquidate.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(liquidate.get("quantity").asText()).isEqualTo("0.5");
        assertThat(liquidate.get("price").asText()).isEqualTo("103800");
        assertThat(liquidate.get("partial").asBoolean()).isFalse();
        assertThat(liquidate.get("explanation").get("rule").asText()).isEqualTo(liquidate.get("rule").asText());
        assertThat(liquidate.get("rule").asText()).isNotBlank();
        assertThat(liquidate.get("reason").asText()).isNotBlank();
        assertThat(body.get("firedRules")).anySatisfy(fired -> {
            assertThat(fired.get("rule").asText()).isEqualTo(liquidate.get("rule").asText());
            assertThat(fired.get("file").asText()).endsWith(".drl");
            assertThat(fired.get("count").asInt()).isEqualTo(1);
        });

        JsonNode healthy = body.get("accounts").get(1);
        assertThat(healthy.get("equity").asText()).isEqualTo("10344.13");
        assertThat(healthy.get("marginRatio").asText()).isEqualTo("0.004");
    }

    @Test
    void aDecimalThatIsNotANumberIsRefusedNamingTheField() {
        Reply reply = api.post("/api/v1/evaluations", User.TRADER,
                SNAPSHOT.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": \"19OO\""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains("accounts[0].walletBalance");
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("accounts[0].walletBalance");
    }

    @Test
    void everyBrokenInputRuleIsListedWithItsField() {
        Reply reply = api.post("/api/v1/evaluations", User.TRADER, SNAPSHOT
                .replace("\"quantity\": \"-0.5\"", "\"quantity\": \"0\"")
                .replace("\"quantity\": 0.1, \"entryPrice\": \"100000\"", "\"quantity\": 0.1, \"entryPrice\": \"-1\""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("accounts[0].positions[0].quantity", "accounts[1].positions[0].entryPrice");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRefused() {
        Reply malformed = api.post("/api/v1/evaluations", User.TRADER, "{\"asOf\": ");
        Reply unknownField = api.post("/api/v1/evaluations", User.TRADER,
                SNAPSHOT.replace("\"leverage\": 20,", "\"leverage\": 20, \"levrage\": 3,"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("detail").asText()).contains("malformed JSON");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText())
                .isEqualTo("accounts[0].positions[0].levrage");
    }

    @Test
    void aJsonNullBodyIsRefused() {
        Reply reply = api.post("/api/v1/evaluations", User.TRADER, "null");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains("JSON null");
    }

    @Test
    void requestsForNoEndpointGetTheRoutersAnswerNotAForbidden() {
        Reply unknown = api.get("/api/v1/nothing-here", User.AUDITOR);
        Reply wrongMethod = api.send(HttpRequest.DELETE("/api/v1/audit"), User.AUDITOR);
        Reply wrongType = api.send(HttpRequest.POST("/api/v1/evaluations", Snapshots.UNDER_MARGINED)
                .contentType(MediaType.TEXT_PLAIN_TYPE), User.TRADER);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(List.of(unknown, wrongMethod, wrongType)).allMatch(Reply::isProblem);
    }

    @Test
    void aRuleSetWithoutActiveVersionIsNotFound() {
        Reply reply = api.post("/api/v1/evaluations", User.TRADER,
                SNAPSHOT.replace("\"ruleSet\": \"deleveraging\"", "\"ruleSet\": \"no-such-policy\""));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains("no-such-policy");
    }

    @Test
    void healthNeedsNoCredentials() {
        Reply reply = api.get("/health", User.ANONYMOUS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
    }
}
