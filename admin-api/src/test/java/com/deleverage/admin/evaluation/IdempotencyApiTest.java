package com.deleverage.admin.evaluation;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on POST /evaluations: a retried request gets the stored decision, a reused key with another snapshot a 422. */
@MicronautTest(environments = "dev", transactional = false)
class IdempotencyApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aRepeatedKeyWithTheSameSnapshotReturnsTheStoredDecision() {
        String key = UUID.randomUUID().toString();
        long before = logged();

        Reply first = evaluate(key, Snapshots.UNDER_MARGINED);
        // The same snapshot written differently: numbers for strings, fields reordered, an explicit null.
        Reply second = evaluate(key, Snapshots.UNDER_MARGINED.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": 1900.00")
                .replace("\"leverage\": 10}", "\"leverage\": 10, \"isolatedMargin\": null}"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.json().get("decisionId").asText()).isEqualTo(first.json().get("decisionId").asText());
        assertThat(logged()).isEqualTo(before + 1);

        JsonView stored = new JsonView(api.get("/api/v1/decisions/" + first.json().get("decisionId").asText(), User.AUDITOR));
        assertThat(stored.reply.json().get("idempotencyKey").asText()).isEqualTo(key);
    }

    @Test
    void aKeyReusedForAnotherSnapshotIs422AndChangesNothing() {
        String key = UUID.randomUUID().toString();
        Reply first = evaluate(key, Snapshots.UNDER_MARGINED);
        long before = logged();

        Reply reused = evaluate(key, Snapshots.UNDER_MARGINED.replace("\"walletBalance\": \"1900\"", "\"walletBalance\": \"1901\""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.json().get("detail").asText()).contains(key).contains("different snapshot");
        assertThat(logged()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirCallerAndDifferentKeysGiveDifferentDecisions() {
        Reply a = evaluate(UUID.randomUUID().toString(), Snapshots.UNDER_MARGINED);
        Reply b = evaluate(UUID.randomUUID().toString(), Snapshots.UNDER_MARGINED);
        Reply none = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);

        assertThat(Set.of(a.json().get("decisionId").asText(), b.json().get("decisionId").asText(),
                none.json().get("decisionId").asText())).hasSize(3);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneDecision() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = logged();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> evaluate(key, Snapshots.UNDER_MARGINED)));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
                ids.add(reply.get().json().get("decisionId").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(logged()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    private Reply evaluate(String key, String body) {
        return api.send(HttpRequest.POST("/api/v1/evaluations", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", key), User.TRADER);
    }

    private long logged() {
        return api.get("/api/v1/decisions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&size=1", User.AUDITOR)
                .json().get("total").asLong();
    }

    private record JsonView(Reply reply) {
    }
}
