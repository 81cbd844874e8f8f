package com.deleverage.admin.decision;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.ReferencePolicies;
import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log for auditors, on the reference policy: a logged decision explains each of its
 * actions, is found by account and time, and re-evaluated from its logged input and version it is
 * reproduced to the last digit, both by an independent compile in this test and by the replay endpoint.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.seed.classpath-folder", value = "policies/deleveraging")
class DecisionLogApiTest {
    static final String ADL_SNAPSHOT = ReferencePolicies.scenarioSnapshot("adl-ranking.yaml");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DecisionLogRepository repository;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aLoggedDecisionExplainsEachActionAndIsReproducedToTheLastDigit() throws Exception {
        Reply live = api.post("/api/v1/evaluations", User.TRADER, ADL_SNAPSHOT);
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        String id = live.json().get("decisionId").asText();

        Reply fetched = api.get("/api/v1/decisions/" + id, User.AUDITOR);

        assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
        JsonNode entry = fetched.json();
        assertThat(entry.get("decisionId").asText()).isEqualTo(id);
        assertThat(entry.get("ruleSet").asText()).isEqualTo("deleveraging");
        assertThat(entry.get("version").asInt()).isEqualTo(1);
        assertThat(entry.get("versionHash").asText()).isEqualTo(live.json().get("versionHash").asText());
        assertThat(entry.get("inputHash").asText()).startsWith("sha256:").hasSize(71);
        assertThat(entry.get("caller").asText()).isEqualTo("trader");
        assertThat(entry.get("ruleFirings").asInt()).isPositive();
        assertThat(entry.get("elapsedMicros").asLong()).isPositive();
        assertThat(entry.get("accounts")).extracting(JsonNode::asText)
                .containsExactly("bankrupt-long", "big-gain-short", "high-margin-short");
        assertThat(entry.get("decision")).isEqualTo(live.json());
        assertThat(entry.get("input")).isEqualTo(JSON.readTree(ADL_SNAPSHOT));

        JsonNode actions = entry.get("decision").get("actions");
        assertThat(actions).extracting(a -> a.get("type").asText()).containsExactly("LIQUIDATE", "AUTO_DELEVERAGE");
        for (JsonNode action : actions) {
            JsonNode explanation = action.get("explanation");
            assertThat(explanation.get("rule").asText()).isEqualTo(action.get("rule").asText()).isNotBlank();
            assertThat(explanation.get("file").asText()).endsWith(".drl");
            assertThat(explanation.get("facts")).as("the facts the rule matched").isNotEmpty();
            assertThat(entry.get("decision").get("firedRules")).extracting(f -> f.get("rule").asText())
                    .contains(action.get("rule").asText());
        }
        assertThat(actions.get(1).get("explanation").get("facts").toString())
                .as("the ADL action's explanation shows the closeout it continues and the ADL book it drew on")
                .contains("\"fact\":\"Closeout\"").contains("bankrupt-long").contains("\"deficit\":\"500\"")
                .contains("\"fact\":\"AdlBook\"");

        // Independent replay: the logged version's files, compiled here, on the logged input.
        JsonNode version = api.get("/api/v1/rulesets/deleveraging/versions/1", User.AUDITOR).json();
        Map<String, String> files = new TreeMap<>();
        version.get("files").properties().forEach(f -> files.put(f.getKey(), f.getValue().asText()));
        Compilation compilation = new RuleSetCompiler().compile("deleveraging", 1, files);
        assertThat(compilation.hash()).isEqualTo(entry.get("versionHash").asText());
        CompiledVersion compiled = compilation.compiledVersion().orElseThrow();
        try {
            Decision replayed = new Evaluator().evaluate(compiled,
                    SnapshotJson.json().read(entry.get("input").toString()));
            ObjectNode logged = entry.get("decision").deepCopy();
            logged.remove(List.of("decisionId", "evaluatedAt"));
            ObjectNode again = DecisionView.of(replayed);
            assertThat(again.get("actions")).isEqualTo(logged.get("actions"));
            assertThat(again.get("accounts")).isEqualTo(logged.get("accounts"));
            assertThat(again).isEqualTo(logged);
        } finally {
            compiled.retire();
        }

        Reply replay = api.post("/api/v1/decisions/" + id + "/replay", User.AUDITOR, "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().get("reproduced").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.json().get("replayed").get("actions")).isEqualTo(live.json().get("actions"));
    }

    @Test
    void decisionsAreFoundByAccountAndTime() {
        Instant from = Instant.now().minusSeconds(1);
        String id = api.post("/api/v1/evaluations", User.TRADER, ADL_SNAPSHOT).json().get("decisionId").asText();
        Instant to = Instant.now().plusSeconds(1);

        JsonNode byAccount = api.get("/api/v1/decisions?account=big-gain-short&from=" + from + "&to=" + to,
                User.AUDITOR).json();
        JsonNode otherAccount = api.get("/api/v1/decisions?account=nobody&from=" + from + "&to=" + to,
                User.AUDITOR).json();
        JsonNode earlier = api.get("/api/v1/decisions?account=big-gain-short&from=2020-01-01T00:00:00Z&to=" + from,
                User.AUDITOR).json();

        assertThat(byAccount.get("decisions")).extracting(d -> d.get("decisionId").asText()).contains(id);
        JsonNode summary = byAccount.get("decisions").get(0);
        assertThat(summary.get("actions")).extracting(a -> a.get("type").asText()).contains("AUTO_DELEVERAGE");
        assertThat(summary.get("inputHash").asText()).startsWith("sha256:");
        assertThat(byAccount.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(otherAccount.get("total").asLong()).isZero();
        assertThat(otherAccount.get("decisions")).isEmpty();
        assertThat(earlier.get("decisions")).extracting(d -> d.get("decisionId").asText()).doesNotContain(id);
    }

    @Test
    void badQueriesAreProblemsAndOnlyAuditorsReadTheLog() {
        for (String query : List.of("from=yesterday", "to=2025-13-01T00:00:00Z", "size=0", "size=501", "page=-1",
                "page=x", "from=2025-10-10T00:00:00Z&to=2025-10-09T00:00:00Z")) {
            Reply reply = api.get("/api/v1/decisions?" + query, User.AUDITOR);
            assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().get("errors")).isNotEmpty();
        }
        assertThat(api.get("/api/v1/decisions/not-a-uuid", User.AUDITOR).status()).isEqualTo(400);
        Reply unknown = api.get("/api/v1/decisions/00000000-0000-0000-0000-000000000000", User.AUDITOR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        for (User user : List.of(User.TRADER, User.AUTHOR, User.OPERATOR, User.APPROVER)) {
            assertThat(api.get("/api/v1/decisions", user).status()).as(user.name()).isEqualTo(403);
        }
    }

    @Test
    void aDecisionWhoseInputWasPurgedKeepsItsHashButCannotBeReplayed() {
        String id = api.post("/api/v1/evaluations", User.TRADER, ADL_SNAPSHOT).json().get("decisionId").asText();

        assertThat(repository.purgeInputsBefore(Instant.now().plusSeconds(1))).isPositive();

        JsonNode entry = api.get("/api/v1/decisions/" + id, User.AUDITOR).json();
        assertThat(entry.get("inputStored").asBoolean()).isFalse();
        assertThat(entry.has("input")).isFalse();
        assertThat(entry.get("inputHash").asText()).startsWith("sha256:");
        Reply replay = api.post("/api/v1/decisions/" + id + "/replay", User.AUDITOR, "");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.isProblem()).isTrue();
    }
}
