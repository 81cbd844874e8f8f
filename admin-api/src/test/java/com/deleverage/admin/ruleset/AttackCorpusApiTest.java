package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole red-team corpus of rules/examples/attacks staged against a running platform, one version per
 * attack, as an author would: every one is REJECTED (those that only misbehave when run are staged with a
 * scenario, which they fail at their sandbox limit), none can be approved, the platform never exits or
 * hangs, and afterwards a trading system's evaluation and the health check answer as before.
 */
@MicronautTest(environments = "dev", transactional = false)
class AttackCorpusApiTest {
    private static final Path CORPUS = Path.of("../rules/examples/attacks");
    /** An empty book: the attacks' rules fire on the evaluation context alone; nothing is expected. */
    private static final String SCENARIO = """
            name: the attack runs
            given:
              asOf: 2025-10-10T21:15:00Z
              markets: []
              accounts: []
            expect:
              exhaustive: true
              actions: []
            """;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyAttackIsRejectedAndThePlatformKeepsServing() throws IOException {
        Api api = new Api(http);
        List<Path> attacks;
        try (Stream<Path> files = Files.list(CORPUS)) {
            attacks = files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(60);
        List<String> accepted = new ArrayList<>();
        for (Path attack : attacks) {
            String text = Files.readString(attack);
            String code = text.lines().findFirst().orElseThrow().replace("// expect:", "").split("\\|")[0].trim();
            boolean runtime = code.equals("EVALUATION_LIMIT") || code.equals("RULE_ERROR");
            Map<String, String> files = runtime
                    ? Map.of("attack.drl", text, "scenarios/attack.yaml", SCENARIO) : Map.of("attack.drl", text);

            Reply staged = api.post("/api/v1/rulesets/attacks/versions", User.AUTHOR,
                    SeedPolicy.stageRequest(attack.getFileName().toString(), files));

            assertThat(staged.status()).as(attack + ": " + staged).isIn(200, 201);
            JsonNode version = staged.json();
            String expected = runtime ? "SCENARIO_FAILED" : code;
            boolean found = false;
            for (JsonNode finding : version.get("findings")) {
                found |= finding.get("code").asText().equals(expected) && finding.get("severity").asText().equals("ERROR");
            }
            if (!version.get("state").asText().equals("REJECTED") || !found) {
                accepted.add(attack.getFileName() + " " + version.get("state") + " " + version.get("findings"));
            }
            String path = "/api/v1/rulesets/attacks/versions/" + version.get("version").asInt();
            assertThat(api.post(path + "/approve", User.APPROVER, "").status()).as(attack.toString()).isEqualTo(409);
        }
        assertThat(accepted).as("attacks not rejected with their finding").isEmpty();

        Reply evaluation = api.post("/api/v1/evaluations", User.TRADER,
                Files.readString(Path.of("../docs/api/evaluation-request.json")));
        assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
        assertThat(evaluation.json().get("ruleSet").asText()).isEqualTo("deleveraging");
        assertThat(api.get("/health", User.ANONYMOUS).status()).isEqualTo(200);
    }
}
