package com.deleverage.admin.executor;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 9: while stagings compile, evaluations, /health and rollback answer as usual, and stagings
 * beyond the compile class's limit are refused with 429 at once. The stagings are held running
 * ({@link HeldStagings}: a CPU-bound spin on their thread, then the real validation) until the checks are
 * done, so "while" is an ordering, not a matter of timing.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = HeldStagings.ENABLED, value = "true")
@Property(name = "micronaut.executors.compile.number-of-threads", value = "1")
@Property(name = "deleveraging.executors.compile.max-in-flight", value = "2")
@Property(name = "deleveraging.executors.compile.retry-after", value = "10s")
class RequestClassIsolationApiTest {
    private static final String RULE_SET = "/api/v1/rulesets/deleveraging";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Generated rules in each large version: validating one takes seconds of CPU (about 10 s on two shared cores, twice the
     * hot-swap drill's version). The hold, not the size, makes the checks happen while both are in flight;
     * the size is what the real validation after the release costs this test.
     */
    private static final int LARGE = 1000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    HeldStagings stagings;

    @Inject
    InFlightLimits limits;

    Api api;
    /** For the held stagings, which answer only after their compile: no 10 s read timeout. */
    java.net.http.HttpClient background;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        background = java.net.http.HttpClient.newHttpClient();
    }

    @AfterEach
    void releaseStagings() {
        stagings.release(); // also when an assertion failed while they were held
    }

    @Test
    void evaluationsHealthAndRollbackAnswerWhileTwoLargeStagingsCompile() throws Exception {
        int active = activateANewVersion(); // the seed v1 becomes a rollback target
        int versionsBefore = versionCount();

        stagings.hold();
        CompletableFuture<java.net.http.HttpResponse<String>> first =
                stageInBackground("large A", LargeVersions.files(LARGE, "A"));
        stagings.awaitStarted(1); // A is compiling: it spins on the compile thread
        CompletableFuture<java.net.http.HttpResponse<String>> second =
                stageInBackground("large B", LargeVersions.files(LARGE, "B"));
        awaitInFlight(RequestExecutors.COMPILE, 2); // B is admitted and waits for the compile thread

        Reply evaluation = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        Reply health = api.get("/health", User.ANONYMOUS);
        Reply rollback = api.post(RULE_SET + "/rollback", User.OPERATOR, "{\"reason\": \"isolation test\"}");
        Reply afterRollback = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        int stillInFlight = limits.inFlight(RequestExecutors.COMPILE);
        stagings.release();

        assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
        assertThat(evaluation.json().get("version").asInt()).isEqualTo(active);
        assertThat(evaluation.json().get("accounts").get(0).get("id").asText()).isEqualTo("acct-1");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(rollback.status()).as(rollback.toString()).isEqualTo(200);
        assertThat(rollback.json().get("version").asInt()).isEqualTo(1);
        assertThat(rollback.json().get("previousVersion").asInt()).isEqualTo(active);
        assertThat(afterRollback.json().get("version").asInt()).isEqualTo(1);
        assertThat(stillInFlight).as("both stagings were still in flight during the checks").isEqualTo(2);

        JsonNode a = json(first.get(5, TimeUnit.MINUTES));
        JsonNode b = json(second.get(5, TimeUnit.MINUTES));
        assertThat(a.get("state").asText()).isEqualTo("VALIDATED");
        assertThat(b.get("state").asText()).isEqualTo("VALIDATED");
        assertThat(a.get("version").asInt()).isEqualTo(versionsBefore + 1); // one compile thread: A, then B
        assertThat(b.get("version").asInt()).isEqualTo(versionsBefore + 2);
        assertThat(stagings.runs()).extracting(HeldStagings.Run::comment).containsExactly("large A", "large B");
        assertThat(stagings.runs()).allSatisfy(run -> {
            assertThat(run.thread().isVirtual()).isFalse();
            assertThat(run.thread().getName()).isEqualTo("compile-executor-thread-1");
        });
        assertThat(limits.inFlight(RequestExecutors.COMPILE)).isZero();
    }

    @Test
    void stagingsBeyondTheCompileLimitAreRefusedWith429() throws Exception {
        int versionsBefore = versionCount();

        stagings.hold();
        CompletableFuture<java.net.http.HttpResponse<String>> first =
                stageInBackground("flood 1", SeedPolicy.filesWithComment("flood 1"));
        stagings.awaitStarted(1);
        CompletableFuture<java.net.http.HttpResponse<String>> second =
                stageInBackground("flood 2", SeedPolicy.filesWithComment("flood 2"));
        awaitInFlight(RequestExecutors.COMPILE, 2);

        HttpResponse<?> third = exchange(HttpRequest.POST(RULE_SET + "/versions",
                SeedPolicy.stageRequest("flood 3", SeedPolicy.filesWithComment("flood 3"))), User.AUTHOR);
        Reply dryRun = api.post(RULE_SET + "/versions/1/dry-run", User.AUTHOR, Snapshots.UNDER_MARGINED);
        Reply proof = api.get("/api/v1/solvency/epochs/1/proofs/acct-1", User.AUDITOR);
        Reply epoch = api.post("/api/v1/solvency/epochs", User.OPERATOR, "{}");
        Reply evaluation = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        stagings.release();

        assertThat(third.code()).isEqualTo(429);
        assertThat(third.getContentType().map(MediaType::toString)).hasValue("application/problem+json");
        assertThat(third.getHeaders().get("Retry-After")).isEqualTo("10");
        JsonNode problem = JSON.readTree(third.getBody(String.class).orElseThrow());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(problem.get("detail").asText()).isEqualTo("the server already has 2 compile requests running "
                + "or queued, the limit of that class (deleveraging.executors.compile.max-in-flight); retry after "
                + "10 seconds");
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(429); // same class: it compiles too
        // Solvency epochs and their zero-knowledge proofs cost seconds of CPU too: same class, refused before work.
        assertThat(proof.status()).as(proof.toString()).isEqualTo(429);
        assertThat(epoch.status()).as(epoch.toString()).isEqualTo(429);
        assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);

        assertThat(first.get(5, TimeUnit.MINUTES).statusCode()).isEqualTo(201);
        assertThat(second.get(5, TimeUnit.MINUTES).statusCode()).isEqualTo(201);
        assertThat(stagings.runs()).extracting(HeldStagings.Run::comment).containsExactly("flood 1", "flood 2");
        assertThat(versionCount()).isEqualTo(versionsBefore + 2); // the refused one stored nothing
        Reply afterwards = api.post(RULE_SET + "/versions", User.AUTHOR,
                SeedPolicy.stageRequest("after the flood", SeedPolicy.filesWithComment("after the flood")));
        assertThat(afterwards.status()).as("permits are given back").isEqualTo(201);
    }

    private int activateANewVersion() {
        Reply staged = api.post(RULE_SET + "/versions", User.AUTHOR,
                SeedPolicy.stageRequest("to roll back from", SeedPolicy.filesWithComment("to roll back from")));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        int version = staged.json().get("version").asInt();
        assertThat(api.post(RULE_SET + "/versions/" + version + "/approve", User.APPROVER, "").status()).isEqualTo(200);
        Reply activated = api.post(RULE_SET + "/versions/" + version + "/activate", User.OPERATOR, "");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return version;
    }

    private int versionCount() {
        return api.get(RULE_SET + "/versions", User.AUDITOR).json().size();
    }

    private CompletableFuture<java.net.http.HttpResponse<String>> stageInBackground(String comment,
                                                                                    Map<String, String> files) {
        URI uri = server.getURI().resolve(RULE_SET + "/versions");
        String auth = Base64.getEncoder().encodeToString("author:author-dev-password".getBytes());
        return background.sendAsync(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(BodyPublishers.ofString(SeedPolicy.stageRequest(comment, files))).build(), BodyHandlers.ofString());
    }

    /** Waits for the admission count to reach {@code count}: an ordering, bounded only so a broken run ends. */
    private void awaitInFlight(String executor, int count) throws InterruptedException {
        for (int i = 0; i < 6000 && limits.inFlight(executor) < count; i++) {
            Thread.sleep(10);
        }
        assertThat(limits.inFlight(executor)).isEqualTo(count);
    }

    private HttpResponse<?> exchange(io.micronaut.http.MutableHttpRequest<?> request, User user) {
        request.basicAuth(user.username(), user.password()).contentType(MediaType.APPLICATION_JSON_TYPE);
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
