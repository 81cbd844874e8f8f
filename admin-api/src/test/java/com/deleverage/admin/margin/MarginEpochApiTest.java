package com.deleverage.admin.margin;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Margin epochs over real HTTP on a fresh H2 database, with the README's snapshot (docs/api/evaluation-request.json):
 * acct-1 (long 0.5 BTC from 105,000, wallet 900: equity 120.65 against a maintenance margin of 208.60325) is
 * liquidated by the reference policy; acct-2 (short 0.5 from 112,000, wallet 5,000: equity 5,000 + 0.5 × 8,558.7
 * = 9,279.35 against 0.5 × 103,441.3 × 0.005 − 50 = 208.60325) is not. So two pools, one linked.
 */
@MicronautTest(environments = "dev", transactional = false)
// The reference policy (the test environment seeds a small policy without a liquidationRatio parameter).
@Property(name = "deleveraging.seed.classpath-folder", value = "policies/deleveraging")
class MarginEpochApiTest {
    private static final String EPOCHS = "/api/v1/margin/epochs";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    private Reply publish() throws IOException {
        return api.post(EPOCHS, User.OPERATOR, Files.readString(Path.of("../docs/api/evaluation-request.json")));
    }

    /** A served file's bytes, as anybody downloading it gets them. */
    private byte[] file(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).basicAuth(User.AUDITOR.username(),
                User.AUDITOR.password()), byte[].class).body();
    }

    @Test
    void aPublishedEpochVerifiesFromItsServedFilesAndItsDigestIsInTheAuditChain() throws IOException {
        Reply published = publish();
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode epoch = published.json();
        long number = epoch.get("epoch").asLong();
        String digest = epoch.get("digest").asText();
        assertThat(epoch.get("pools").asInt()).isEqualTo(2);
        assertThat(epoch.get("linked").asInt()).isEqualTo(1);
        assertThat(epoch.get("ruleSet").asText()).isEqualTo("deleveraging");
        assertThat(api.get("/api/v1/decisions/" + epoch.get("decisionId").asText(), User.AUDITOR).status()).isEqualTo(200);
        assertThat(api.get(EPOCHS + "/" + number, User.AUDITOR).json()).isEqualTo(epoch);

        byte[] epochFile = file(EPOCHS + "/" + number + "/epoch.json");
        byte[] poolsFile = file(EPOCHS + "/" + number + "/pools.jsonl");
        Reply opening = api.get(EPOCHS + "/" + number + "/openings/acct-1", User.AUDITOR);
        assertThat(new String(poolsFile, StandardCharsets.UTF_8)).doesNotContain("acct-").doesNotContain("105000");
        Verdict verdict = MarginCheck.verify(epochFile, poolsFile, digest, opening.text());
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
        assertThat(verdict.lines()).filteredOn(l -> l.startsWith("relied on an action")).hasSize(1);
        assertThat(verdict.lines()).anyMatch(l -> l.contains("your cross pool (account 'acct-1'")
                && l.contains("acted on by LIQUIDATE"));

        JsonNode entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("MARGIN_EPOCH_PUBLISHED");
        assertThat(last.get("version").asLong()).isEqualTo(number);
        assertThat(last.get("versionHash").asText()).isEqualTo("sha256:" + digest);
        assertThat(last.get("reason").asText()).isEqualTo("margin epoch " + number + " as of 2025-10-10T21:15:00Z: "
                + "2 pools of 2 accounts against decision " + epoch.get("decisionId").asText()
                + " of deleveraging v1, 1 pools acted on");
        assertThat(api.get("/api/v1/audit/verify", User.AUDITOR).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyOperatorsPublishOnlyAuditorsReadAndUnknownEpochsAreProblems() throws IOException {
        assertThat(api.post(EPOCHS, User.TRADER, Files.readString(Path.of("../docs/api/evaluation-request.json")))
                .status()).isEqualTo(403);
        long number = publish().json().get("epoch").asLong();
        assertThat(api.get(EPOCHS + "/" + number + "/openings/acct-1", User.OPERATOR).status()).isEqualTo(403);
        Reply unknownAccount = api.get(EPOCHS + "/" + number + "/openings/nobody", User.AUDITOR);
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.json().get("detail").asText())
                .isEqualTo("margin epoch " + number + " has no pool of account 'nobody'");
        assertThat(api.get(EPOCHS + "/999999/epoch.json", User.AUDITOR).json().get("detail").asText())
                .isEqualTo("no margin epoch 999999");
        assertThat(api.get(EPOCHS + "/x", User.AUDITOR).status()).isEqualTo(400);
    }
}
