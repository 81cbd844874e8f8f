package com.deleverage.admin.activation;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 4: a rollback is not a toggle. With v1 (the seed), then v2 and v3 activated, rollbacks go
 * v3 → v2 → v1 and then refuse, never back to the version just left; an explicit toVersion still returns to
 * it; a retried request with the same Idempotency-Key rolls back once.
 */
@MicronautTest(environments = "dev", transactional = false, rebuildContext = true) // each test starts from the seed alone
class RollbackApiTest {
    private static final String RULE_SET = "/api/v1/rulesets/deleveraging";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void rollbacksGoBackThroughTheHistoryAndNeverReturnToTheVersionTheyLeft() {
        int v2 = activateANewVersion("v2");
        int v3 = activateANewVersion("v3");

        Reply first = rollback("{\"reason\": \"v3 liquidates too early\"}", "incident-7");
        Reply retried = rollback("{\"reason\": \"v3 liquidates too early\"}", "incident-7");
        int servedAfterRetry = servedVersion();
        Reply second = rollback("{\"reason\": \"v2 too\"}", null);
        Reply third = rollback("{\"reason\": \"and again\"}", null);
        int servedAfterRefusal = servedVersion();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(v2);
        assertThat(first.json().get("previousVersion").asInt()).isEqualTo(v3);
        // The retry is answered with the first request's activation and switches nothing.
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(servedAfterRetry).isEqualTo(v2);
        // v3 was rolled back away from: the next default target is v1, the one v2 replaced.
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(1);
        assertThat(second.json().get("previousVersion").asInt()).isEqualTo(v2);
        // v2 and v3 were both rolled back away from and v1 is active: nothing left without toVersion.
        assertThat(third.status()).as(third.toString()).isEqualTo(409);
        assertThat(third.json().get("detail").asText()).isEqualTo("rule set 'deleveraging' has no earlier active "
                + "version that was not rolled back away from; name one with toVersion");
        assertThat(servedAfterRefusal).isEqualTo(1);
        assertThat(rolledBackAuditRows()).isEqualTo(2);
    }

    @Test
    void anExplicitTargetReturnsToAVersionThatWasRolledBackAwayFrom() {
        int v2 = activateANewVersion("explicit v2");
        Reply away = rollback("{\"reason\": \"back to the seed\"}", null);
        Reply back = rollback("{\"toVersion\": " + v2 + ", \"reason\": \"it was fine after all\"}", null);

        assertThat(away.json().get("version").asInt()).isEqualTo(1);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().get("version").asInt()).isEqualTo(v2);
        assertThat(servedVersion()).isEqualTo(v2);
    }

    @Test
    void aKeyUsedForOneRollbackIsRefusedForAnotherAndAMalformedKeyIsA400() {
        int v2 = activateANewVersion("keyed v2");
        Reply done = rollback("{\"toVersion\": 1, \"reason\": \"keyed\"}", "change-42");
        Reply otherTarget = rollback("{\"toVersion\": " + v2 + ", \"reason\": \"keyed\"}", "change-42");
        Reply malformed = rollback("{\"reason\": \"bad key\"}", "has space");

        assertThat(done.json().get("version").asInt()).isEqualTo(1);
        assertThat(otherTarget.status()).as(otherTarget.toString()).isEqualTo(422);
        assertThat(otherTarget.json().get("detail").asText()).isEqualTo("Idempotency-Key 'change-42' was already "
                + "used for the rollback to v1; use a new key for another rollback");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(servedVersion()).isEqualTo(1);
    }

    private Reply rollback(String body, String idempotencyKey) {
        var request = HttpRequest.POST(RULE_SET + "/rollback", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request, User.OPERATOR);
    }

    private int activateANewVersion(String comment) {
        Reply staged = api.post(RULE_SET + "/versions", User.AUTHOR,
                SeedPolicy.stageRequest(comment, SeedPolicy.filesWithComment(comment)));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        int version = staged.json().get("version").asInt();
        assertThat(api.post(RULE_SET + "/versions/" + version + "/approve", User.APPROVER, "").status()).isEqualTo(200);
        assertThat(api.post(RULE_SET + "/versions/" + version + "/activate", User.OPERATOR, "").status())
                .isEqualTo(200);
        return version;
    }

    private int servedVersion() {
        return api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json().get("version").asInt();
    }

    private long rolledBackAuditRows() {
        var entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        long count = 0;
        for (var entry : entries) {
            if (entry.get("action").asText().equals("VERSION_ROLLED_BACK")) {
                count++;
            }
        }
        return count;
    }
}
