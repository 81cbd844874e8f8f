package com.deleverage.admin.dryrun;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.ReferencePolicies;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.shadow.ShadowService;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate version that changes the ADL formula, beside the reference policy (seeded as v1): the
 * Binance-ranking variant (v2) differs from BitMEX ranking in who is deleveraged first.
 *
 * <p>Worked by hand from rules/deleveraging/scenarios/adl-ranking.yaml: bankrupt-long (long 1 BTC, equity
 * -500, fund 100) is liquidated at its bankruptcy price 100500 in both versions, and the fund cannot
 * cover the 500 deficit, so 1 BTC is auto-deleveraged against the first short in the ADL queue.
 * BitMEX (v1) scores big-gain-short 0.7937 above high-margin-short 0.6601; Binance (v2) scores
 * high-margin-short 0.6 above big-gain-short 0.4286. So the difference is exactly: the
 * AUTO_DELEVERAGE of big-gain-short against bankrupt-long is removed, one of high-margin-short against
 * bankrupt-long is added, the LIQUIDATE is the same; the accounts whose actions changed are the two
 * shorts and bankrupt-long, whose ADL counterparty changed.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.seed.classpath-folder", value = "policies/deleveraging")
@Property(name = "deleveraging.activation.poll-interval", value = "1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdlRankingCandidateApiTest {
    static final String ADL_SNAPSHOT = ReferencePolicies.scenarioSnapshot("adl-ranking.yaml");
    static final List<String> CHANGED_ACCOUNTS = List.of("bankrupt-long", "big-gain-short", "high-margin-short");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    CandidateVersions candidates;
    @Inject
    ShadowService shadowService;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        if (api.get("/api/v1/rulesets/deleveraging/versions", User.AUDITOR).json().size() < 2) {
            Reply staged = api.post("/api/v1/rulesets/deleveraging/versions", User.AUTHOR,
                    SeedPolicy.stageRequestReplacingFiles("Binance ADL ranking", ReferencePolicies.binanceRankingVariant()));
            assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
            assertThat(staged.json().get("state").asText()).as(staged.toString()).isEqualTo("VALIDATED");
            assertThat(staged.json().get("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    @Order(1)
    void dryRunNamesExactlyTheAccountsWhoseActionsTheNewAdlRankingChanges() {
        Reply reply = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.AUTHOR, ADL_SNAPSHOT);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("active").get("version").asInt()).isEqualTo(1);
        assertThat(body.get("candidate").get("version").asInt()).isEqualTo(2);
        assertThat(actions(body.get("active"))).containsExactly(
                "LIQUIDATE bankrupt-long 1 @100500", "AUTO_DELEVERAGE big-gain-short<-bankrupt-long 1 @100500");
        assertThat(actions(body.get("candidate"))).containsExactly(
                "LIQUIDATE bankrupt-long 1 @100500", "AUTO_DELEVERAGE high-margin-short<-bankrupt-long 1 @100500");

        JsonNode diff = body.get("diff");
        assertThat(diff.get("identical").asBoolean()).isFalse();
        assertThat(actionsOf(diff.get("removed"))).containsExactly("AUTO_DELEVERAGE big-gain-short<-bankrupt-long 1 @100500");
        assertThat(actionsOf(diff.get("added"))).containsExactly("AUTO_DELEVERAGE high-margin-short<-bankrupt-long 1 @100500");
        assertThat(diff.path("changed")).isEmpty();
        assertThat(diff.get("accounts")).extracting(JsonNode::asText).containsExactlyElementsOf(CHANGED_ACCOUNTS);

        JsonNode candidateQueue = body.get("candidate").get("accounts");
        assertThat(position(candidateQueue, "high-margin-short").get("adlScore").asText()).isEqualTo("0.6");
        assertThat(position(candidateQueue, "big-gain-short").get("adlScore").asText()).isEqualTo("0.4285714286");
        assertThat(position(body.get("active").get("accounts"), "big-gain-short").get("adlScore").asText())
                .isEqualTo("0.7936507937");
    }

    @Test
    @Order(2)
    void aSnapshotWithoutAdlIsDecidedTheSameAndTheCandidateIsCompiledOnlyOnce() {
        long before = candidates.compilations();

        Reply reply = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.APPROVER, Snapshots.UNDER_MARGINED);
        Reply again = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.AUTHOR, ADL_SNAPSHOT);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("diff").get("identical").asBoolean()).isTrue();
        assertThat(reply.json().get("diff").path("accounts")).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(candidates.compilations()).isLessThanOrEqualTo(Math.max(before, 1));
    }

    @Test
    @Order(2)
    void theVersionDiffListsTheTwoParameterValuesTheVariantChanges() {
        Reply diff = api.get("/api/v1/rulesets/deleveraging/versions/2/diff?against=1", User.APPROVER);

        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        // rules/variants/adl-binance-ranking/parameters.yaml gives exactly these two; the other 30 are the reference's.
        assertThat(diff.json().get("parameters")).extracting(JsonNode::toString).containsExactly(
                "{\"name\":\"adlRanking\",\"before\":\"BITMEX\",\"after\":\"BINANCE\"}",
                "{\"name\":\"adlOnFundDrawdown\",\"before\":\"true\",\"after\":\"false\"}");
        assertThat(diff.json().get("files")).extracting(f -> f.get("path").asText() + " " + f.get("change").asText())
                .contains("parameters.yaml MODIFIED").noneMatch(f -> f.endsWith(".drl MODIFIED"));
    }

    @Test
    @Order(3)
    void dryRunRefusals() {
        Reply trader = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.TRADER, ADL_SNAPSHOT);
        Reply missing = api.post("/api/v1/rulesets/deleveraging/versions/99/dry-run", User.AUTHOR, ADL_SNAPSHOT);
        Reply badInput = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.AUTHOR,
                ADL_SNAPSHOT.replace("\"markPrice\":\"100000\"", "\"markPrice\":\"-1\""));
        Reply otherRuleSet = api.post("/api/v1/rulesets/deleveraging/versions/2/dry-run", User.AUTHOR,
                ADL_SNAPSHOT.replace("\"ruleSet\":\"deleveraging\"", "\"ruleSet\":\"other\""));
        Reply rejected = api.post("/api/v1/rulesets/deleveraging/versions", User.AUTHOR, SeedPolicy.stageRequest(
                "broken", java.util.Map.of("broken.drl", "package deleveraging;\nrule \"x\" when then nothing( end")));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);
        int rejectedVersion = rejected.json().get("version").asInt();
        Reply notValidated = api.post("/api/v1/rulesets/deleveraging/versions/" + rejectedVersion + "/dry-run",
                User.AUTHOR, ADL_SNAPSHOT);

        assertThat(trader.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(badInput.status()).isEqualTo(400);
        assertThat(badInput.json().get("errors").get(0).get("field").asText()).isEqualTo("markets[0].markPrice");
        assertThat(otherRuleSet.status()).isEqualTo(400);
        assertThat(rejected.json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(notValidated.status()).isEqualTo(409);
        assertThat(List.of(trader, missing, badInput, otherRuleSet, notValidated)).allMatch(Reply::isProblem);
    }

    @Test
    @Order(4)
    void shadowRunCountsAndStoresTheDifferencesOfLiveEvaluationsAndIsAudited() throws InterruptedException {
        Reply byAuthor = api.send(put("{\"version\": 2}"), User.AUTHOR);
        Reply activeVersion = api.send(put("{\"version\": 1}"), User.OPERATOR);
        Reply noVersion = api.send(put("{}"), User.OPERATOR);
        assertThat(byAuthor.status()).isEqualTo(403);
        assertThat(activeVersion.status()).isEqualTo(409);
        assertThat(noVersion.status()).isEqualTo(400);

        Reply started = api.send(put("{\"version\": 2}"), User.OPERATOR);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("running").asBoolean()).isTrue();
        assertThat(started.json().get("startedBy").asText()).isEqualTo("operator");

        List<String> adlDecisions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Reply live = api.post("/api/v1/evaluations", User.TRADER, ADL_SNAPSHOT);
            assertThat(live.status()).as(live.toString()).isEqualTo(200);
            assertThat(live.json().get("version").asInt()).as("the live decision is the active version's").isEqualTo(1);
            adlDecisions.add(live.json().get("decisionId").asText());
        }
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status()).isEqualTo(200);
        assertThat(shadowService.awaitIdle(Duration.ofSeconds(30))).isTrue();

        JsonNode status = api.get("/api/v1/rulesets/deleveraging/shadow", User.AUDITOR).json();
        assertThat(status.get("version").asInt()).isEqualTo(2);
        assertThat(status.get("evaluationsCompared").asLong()).isEqualTo(3);
        assertThat(status.get("withDifferences").asLong()).isEqualTo(2);
        assertThat(status.get("dropped").asLong()).isZero();
        assertThat(status.get("failed").asLong()).isZero();
        assertThat(status.get("accountsAffected").asLong()).isEqualTo(3);
        assertThat(status.get("accounts")).extracting(JsonNode::asText).containsExactlyElementsOf(CHANGED_ACCOUNTS);
        assertThat(status.get("recentDifferences")).extracting(d -> d.get("decisionId").asText())
                .containsExactlyInAnyOrderElementsOf(adlDecisions);
        JsonNode sample = status.get("recentDifferences").get(0);
        assertThat(sample.get("accounts")).extracting(JsonNode::asText).containsExactlyElementsOf(CHANGED_ACCOUNTS);
        assertThat(actionsOf(sample.get("diff").get("added"))).containsExactly(
                "AUTO_DELEVERAGE high-margin-short<-bankrupt-long 1 @100500");

        Reply stopped = api.send(HttpRequest.DELETE("/api/v1/rulesets/deleveraging/shadow"), User.OPERATOR);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("running").asBoolean()).isFalse();
        assertThat(stopped.json().get("stoppedBy").asText()).isEqualTo("operator");
        assertThat(stopped.json().get("evaluationsCompared").asLong()).isEqualTo(3);
        assertThat(api.send(HttpRequest.DELETE("/api/v1/rulesets/deleveraging/shadow"), User.OPERATOR).status())
                .isEqualTo(404);

        api.post("/api/v1/evaluations", User.TRADER, ADL_SNAPSHOT);
        shadowService.awaitIdle(Duration.ofSeconds(10));
        assertThat(api.get("/api/v1/rulesets/deleveraging/shadow", User.OPERATOR).json()
                .get("evaluationsCompared").asLong()).as("no comparisons once stopped").isEqualTo(3);

        JsonNode audit = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        List<String> shadowEntries = new ArrayList<>();
        audit.forEach(e -> {
            if (e.get("action").asText().startsWith("SHADOW_")) {
                shadowEntries.add(e.get("action").asText() + " " + e.get("actor").asText() + " v" + e.get("version").asInt());
            }
        });
        assertThat(shadowEntries).containsExactly("SHADOW_STARTED operator v2", "SHADOW_STOPPED operator v2");
        assertThat(api.get("/api/v1/audit/verify", User.AUDITOR).json().get("valid").asBoolean()).isTrue();
    }

    private static io.micronaut.http.MutableHttpRequest<String> put(String body) {
        return HttpRequest.PUT("/api/v1/rulesets/deleveraging/shadow", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static List<String> actions(JsonNode decision) {
        return actionsOf(decision.get("actions"));
    }

    static List<String> actionsOf(JsonNode actions) {
        List<String> out = new ArrayList<>();
        actions.forEach(a -> out.add(a.get("type").asText() + " " + a.get("account").asText()
                + (a.has("counterparty") ? "<-" + a.get("counterparty").asText() : "")
                + " " + a.get("quantity").asText() + " @" + a.get("price").asText()));
        return out;
    }

    private static JsonNode position(JsonNode accounts, String account) {
        for (JsonNode a : accounts) {
            if (a.get("id").asText().equals(account)) {
                return a.get("positions").get(0);
            }
        }
        throw new AssertionError("no account " + account);
    }
}
