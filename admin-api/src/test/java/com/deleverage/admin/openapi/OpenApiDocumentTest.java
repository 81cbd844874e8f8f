package com.deleverage.admin.openapi;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the platform serves is the contract of docs/api.md: every operation with the statuses it
 * really answers (the table below is docs/api.md's, plus 401, 403 and 429, which every endpoint may answer, and 413
 * and 415 for those that take a body), a
 * schema for every request and response body, problem+json for every error, and an evaluation example that
 * evaluates to the README's worked decision.
 */
@MicronautTest(environments = "dev", transactional = false)
class OpenApiDocumentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVERY_ENDPOINT = Set.of("401", "403", "429");
    /** A body too large (413) or not JSON (415). */
    private static final Set<String> EVERY_BODY = Set.of("413", "415");
    private static final Map<String, Set<String>> STATUSES = Map.ofEntries(
            entry("post /api/v1/rulesets/{name}/versions", Set.of("201", "200", "400")),
            entry("post /api/v1/rulesets/{name}/validations", Set.of("200", "400", "404")),
            entry("get /api/v1/rulesets", Set.of("200")),
            entry("get /api/v1/rulesets/{name}/versions", Set.of("200", "404")),
            entry("get /api/v1/rulesets/{name}/versions/{version}", Set.of("200", "404")),
            entry("get /api/v1/rulesets/{name}/versions/{version}/diff", Set.of("200", "400", "404")),
            entry("post /api/v1/rulesets/{name}/versions/{version}/approve", Set.of("200", "404", "409")),
            entry("post /api/v1/rulesets/{name}/versions/{version}/activate", Set.of("200", "404", "409", "422")),
            entry("post /api/v1/rulesets/{name}/rollback", Set.of("200", "400", "404", "409", "422")),
            entry("post /api/v1/evaluations", Set.of("200", "400", "404", "422", "503")),
            entry("post /api/v1/rulesets/{name}/versions/{version}/dry-run", Set.of("200", "400", "404", "409", "422")),
            entry("put /api/v1/rulesets/{name}/shadow", Set.of("200", "400", "404", "409", "422")),
            entry("get /api/v1/rulesets/{name}/shadow", Set.of("200", "404")),
            entry("delete /api/v1/rulesets/{name}/shadow", Set.of("200", "404")),
            entry("get /api/v1/decisions/{id}", Set.of("200", "400", "404")),
            entry("get /api/v1/decisions", Set.of("200", "400")),
            entry("post /api/v1/decisions/{id}/replay", Set.of("200", "400", "404", "409", "422")),
            entry("post /api/v1/replays", Set.of("202", "400")),
            entry("get /api/v1/replays/{id}", Set.of("200", "404")),
            entry("get /api/v1/replays/{id}/report", Set.of("200", "404", "409")),
            entry("get /api/v1/replays/{id}/report.html", Set.of("200", "404", "409")),
            entry("delete /api/v1/replays/{id}", Set.of("202", "404", "409")),
            entry("get /api/v1/audit", Set.of("200", "400")),
            entry("get /api/v1/audit/verify", Set.of("200")),
            entry("post /api/v1/solvency/epochs", Set.of("201", "400", "422")),
            entry("get /api/v1/solvency/epochs/{epoch}", Set.of("200", "400", "404")),
            entry("get /api/v1/solvency/epochs/{epoch}/proofs/{accountId}", Set.of("200", "400", "404")),
            entry("get /api/v1/streaming", Set.of("200", "404")),
            entry("post /api/v1/margin/epochs", Set.of("201", "400", "404", "422")),
            entry("get /api/v1/margin/epochs/{epoch}", Set.of("200", "400", "404")),
            entry("get /api/v1/margin/epochs/{epoch}/epoch.json", Set.of("200", "400", "404")),
            entry("get /api/v1/margin/epochs/{epoch}/pools.jsonl", Set.of("200", "400", "404")),
            entry("get /api/v1/margin/epochs/{epoch}/openings/{accountId}", Set.of("200", "400", "404")));
    private static final Set<String> WITH_BODY = Set.of("post /api/v1/rulesets/{name}/versions",
            "post /api/v1/rulesets/{name}/validations",
            "post /api/v1/rulesets/{name}/rollback", "post /api/v1/evaluations",
            "post /api/v1/rulesets/{name}/versions/{version}/dry-run", "put /api/v1/rulesets/{name}/shadow",
            "post /api/v1/replays", "post /api/v1/solvency/epochs", "post /api/v1/margin/epochs");

    @Inject
    @Client("/")
    HttpClient http;

    JsonNode document;

    @BeforeEach
    void readTheServedDocument() throws IOException {
        document = YAML.readTree(http.toBlocking().retrieve(HttpRequest.GET("/swagger/deleveraging-policy-platform-v1.yml")));
    }

    @Test
    void everyOperationListsTheStatusesItReallyAnswers() {
        Map<String, Set<String>> listed = new TreeMap<>();
        operations().forEach((name, operation) -> listed.put(name, new TreeSet<>(fieldNames(operation.get("responses")))));

        Map<String, Set<String>> expected = new TreeMap<>();
        STATUSES.forEach((name, statuses) -> {
            Set<String> all = new TreeSet<>(statuses);
            all.addAll(EVERY_ENDPOINT);
            if (WITH_BODY.contains(name)) {
                all.addAll(EVERY_BODY);
            }
            expected.put(name, all);
        });
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void everyResponseHasABodySchemaAndEveryErrorIsAProblem() {
        operations().forEach((name, operation) -> operation.get("responses").properties().forEach(status -> {
            JsonNode response = resolve(status.getValue());
            String where = name + " " + status.getKey();
            assertThat(response.path("description").asText()).as(where).isNotBlank();
            JsonNode content = response.path("content");
            assertThat(content.size()).as(where + " content").isPositive();
            content.properties().forEach(media -> assertThat(hasSchema(media.getValue().path("schema")))
                    .as(where + " " + media.getKey()).isTrue());
            if (status.getKey().startsWith("4") || status.getKey().startsWith("5")) {
                assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
                        .as(where).isEqualTo("#/components/schemas/Problem");
            }
        }));
        assertThat(fieldNames(document.at("/components/schemas/Problem/properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "errors", "findings");
        assertThat(document.at("/components/schemas/Problem/required")).extracting(JsonNode::asText)
                .as("errors and findings are left out when empty").containsExactlyInAnyOrder("type", "title", "status", "detail");
    }

    @Test
    void everyBodyTakingOperationHasARequestSchemaAndNoOtherHasABody() {
        operations().forEach((name, operation) -> {
            JsonNode body = operation.path("requestBody");
            if (WITH_BODY.contains(name)) {
                JsonNode schema = body.path("content").path("application/json").path("schema");
                assertThat(schema.path("$ref").asText()).as(name).startsWith("#/components/schemas/");
                assertThat(resolve(schema).path("properties").size()).as(name).isPositive();
                assertThat(body.path("required").asBoolean()).as(name + " body required").isTrue();
            } else {
                assertThat(body.isMissingNode()).as(name).isTrue();
            }
        });
        assertThat(operations().get("post /api/v1/rulesets/{name}/rollback").at("/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/RollbackRequest");
        assertThat(document.at("/components/schemas/RollbackRequest/required")).extracting(JsonNode::asText)
                .containsExactly("reason");
        // docs/api.md, evaluation request: only asOf is required of the snapshot; each market's symbol, mark price
        // and tiers; a position's symbol, quantity and entry price.
        assertThat(document.at("/components/schemas/Snapshot/required")).extracting(JsonNode::asText)
                .containsExactly("asOf");
        assertThat(document.at("/components/schemas/Market/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("symbol", "markPrice", "riskTiers");
        assertThat(document.at("/components/schemas/Position/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("symbol", "quantity", "entryPrice");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as(ref).isFalse());
    }

    @Test
    void theEvaluationExampleIsTheDocumentedRequestAndEvaluatesToTheReadmesDecision() throws IOException {
        JsonNode example = resolve(operations().get("post /api/v1/evaluations")
                .at("/requestBody/content/application~1json/examples").elements().next()).path("value");
        assertThat(example).isEqualTo(JSON.readTree(Files.readString(Path.of("../docs/api/evaluation-request.json"))));

        Reply reply = new Api(http).post("/api/v1/evaluations", User.TRADER, example.toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        // README: acct-1 (long 0.5 from 105000, 900 USDT) at the mark 103441.3 has equity 900 - 0.5 x 1558.7 = 120.65
        // below its tier-2 maintenance margin 51720.65 x 0.5% - 50 = 208.60325: liquidated whole at its bankruptcy
        // price 105000 - 900 / 0.5 = 103200.
        JsonNode account = reply.json().get("accounts").get(0);
        assertThat(account.get("equity").asText()).isEqualTo("120.65");
        assertThat(account.get("maintenanceMargin").asText()).isEqualTo("208.60325");
        assertThat(reply.json().get("actions")).anySatisfy(action -> {
            assertThat(action.get("type").asText()).isEqualTo("LIQUIDATE");
            assertThat(action.get("account").asText()).isEqualTo("acct-1");
            assertThat(action.get("price").asText()).isEqualTo("103200");
        });
        assertFieldsAreInSchema(reply.json(), "Decision");
    }

    /** Every field of a live decision is a property its schema (components/schemas in src/main/openapi) names. */
    private void assertFieldsAreInSchema(JsonNode decision, String schema) {
        Set<String> top = new TreeSet<>(fieldNames(document.at("/components/schemas/DecisionView/properties")));
        top.addAll(fieldNames(document.at("/components/schemas/" + schema + "/allOf/0/properties")));
        assertThat(top).containsAll(fieldNames(decision));
        for (JsonNode account : decision.get("accounts")) {
            assertThat(fieldNames(document.at("/components/schemas/AccountFigures/properties"))).containsAll(fieldNames(account));
            for (JsonNode position : account.get("positions")) {
                assertThat(fieldNames(document.at("/components/schemas/PositionFigures/properties")))
                        .containsAll(fieldNames(position));
            }
        }
        for (JsonNode action : decision.get("actions")) {
            assertThat(fieldNames(document.at("/components/schemas/Action/properties"))).containsAll(fieldNames(action));
        }
        for (JsonNode fired : decision.get("firedRules")) {
            assertThat(fieldNames(document.at("/components/schemas/FiredRule/properties"))).containsAll(fieldNames(fired));
        }
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                operations.put(method.getKey() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : resolve(document.at(ref.substring(1)));
    }

    private boolean hasSchema(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return !resolved.isMissingNode() && (resolved.has("type") || resolved.has("allOf") || resolved.has("properties"));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
