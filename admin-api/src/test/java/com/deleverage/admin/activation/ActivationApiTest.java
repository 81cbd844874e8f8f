package com.deleverage.admin.activation;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/** Activation and rollback refusals change nothing; concurrent activations of one rule set have one winner. */
@MicronautTest(environments = "dev", transactional = false)
class ActivationApiTest {
    private static final String RULE_SET = "/api/v1/rulesets/deleveraging";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ActivationLocks locks;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void anUnapprovedVersionIsNotActivatedAndTheAttemptIsAudited() {
        int version = stage("not yet approved");
        String before = activeState();

        Reply reply = api.post(RULE_SET + "/versions/" + version + "/activate", User.OPERATOR, "");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains("VALIDATED").contains("APPROVED");
        assertThat(activeState()).isEqualTo(before);
        assertThat(api.get(RULE_SET + "/versions/" + version, User.AUDITOR).json().get("state").asText())
                .isEqualTo("VALIDATED");
        var entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        assertThat(entries.get(entries.size() - 1).get("action").asText()).isEqualTo("ACTIVATION_REFUSED");
    }

    @Test
    void refusedRollbacksChangeNothing() {
        int neverActive = stage("validated, never active");
        String before = activeState();
        String auditBefore = api.get("/api/v1/audit?size=500", User.AUDITOR).text();

        Reply unknown = rollback("{\"toVersion\": 99, \"reason\": \"typo\"}");
        Reply notActiveBefore = rollback("{\"toVersion\": " + neverActive + ", \"reason\": \"try\"}");
        Reply noReason = rollback("{\"toVersion\": 1}");
        Reply jsonNull = rollback("null");
        Reply unknownRuleSet = api.post("/api/v1/rulesets/nothing-here/rollback", User.OPERATOR, "{\"reason\": \"x\"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("no version 99");
        assertThat(notActiveBefore.status()).isEqualTo(409);
        assertThat(notActiveBefore.json().get("detail").asText()).contains("never active");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(unknownRuleSet.status()).isEqualTo(404);
        assertThat(jsonNull.status()).isEqualTo(400);
        assertThat(List.of(unknown, notActiveBefore, noReason, jsonNull, unknownRuleSet)).allMatch(Reply::isProblem);
        assertThat(activeState()).isEqualTo(before);
        assertThat(api.get("/api/v1/audit?size=500", User.AUDITOR).text()).isEqualTo(auditBefore);
    }

    @Test
    void concurrentActivationsOfOneRuleSetHaveExactlyOneWinner() throws Exception {
        int version = approve(stage("raced"));
        String activate = RULE_SET + "/versions/" + version + "/activate";
        List<Callable<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(() -> api.post(activate, User.OPERATOR, ""));
        }

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            for (Future<Reply> reply : pool.invokeAll(racers)) {
                statuses.add(reply.get().status());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json().get("version").asInt())
                .isEqualTo(version);
    }

    @Test
    void anActivationInProgressMakesTheNextOneWaitForNothing() {
        int version = approve(stage("queued behind another activation"));
        ReentrantLock held = locks.tryLock("deleveraging");
        assertThat(held).isNotNull();
        Reply refused;
        try {
            refused = api.post(RULE_SET + "/versions/" + version + "/activate", User.OPERATOR, "");
        } finally {
            held.unlock();
        }

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("in progress");
        assertThat(api.post(RULE_SET + "/versions/" + version + "/activate", User.OPERATOR, "").status())
                .isEqualTo(200);
    }

    private int stage(String comment) {
        Reply staged = api.post(RULE_SET + "/versions", User.AUTHOR,
                SeedPolicy.stageRequest(comment, SeedPolicy.filesWithComment(comment)));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        return staged.json().get("version").asInt();
    }

    private int approve(int version) {
        assertThat(api.post(RULE_SET + "/versions/" + version + "/approve", User.APPROVER, "").status()).isEqualTo(200);
        return version;
    }

    private Reply rollback(String body) {
        return api.post(RULE_SET + "/rollback", User.OPERATOR, body);
    }

    /** The rule sets with their active versions, and the version evaluations are stamped with. */
    private String activeState() {
        return api.get("/api/v1/rulesets", User.AUDITOR).text() + " evaluated by v"
                + api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json().get("version").asInt();
    }
}
