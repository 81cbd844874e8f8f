package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.engine.policy.PolicyFiles;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Staging over HTTP: bad requests change nothing, rejected policies are stored but can go nowhere, diffs. */
@MicronautTest(environments = "dev", transactional = false)
class StagingApiTest {
    private static final String WARN_DRL = """
            package demo;

            import com.deleverage.engine.risk.AccountRisk;
            import com.deleverage.engine.action.MarginCall;

            rule "Warn early"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= 0.8B )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
            end
            """;

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void badStagingRequestsAreRefusedAndStoreNothing() {
        String before = stored();

        Reply noFiles = stage("deleveraging", "{\"comment\": \"empty\", \"files\": {}}");
        Reply traversal = stage("deleveraging", SeedPolicy.stageRequest("sneaky", Map.of("../etc/x.drl", "rule")));
        Reply badName = stage("Deleveraging", SeedPolicy.stageRequest("caps", Map.of("a.drl", WARN_DRL)));
        Reply malformed = stage("deleveraging", "{\"comment\": ");
        Reply jsonNull = stage("deleveraging", "null");
        Reply authorInBody = stage("deleveraging",
                "{\"comment\": \"x\", \"author\": \"someone-else\", \"files\": {\"a.drl\": \"\"}}");

        assertThat(List.of(noFiles, traversal, badName, malformed, jsonNull, authorInBody))
                .allSatisfy(reply -> {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                    assertThat(reply.isProblem()).isTrue();
                    assertThat(reply.json().get("detail").asText()).isNotBlank();
                });
        assertThat(noFiles.json().get("errors").get(0).get("field").asText()).isEqualTo("files");
        assertThat(traversal.json().get("errors").get(0).get("field").asText()).isEqualTo("files.../etc/x.drl");
        assertThat(badName.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(malformed.json().get("detail").asText()).contains("malformed JSON");
        assertThat(authorInBody.json().get("errors").get(0).get("field").asText()).isEqualTo("author");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRejectedPolicyIsStoredWithItsFindingsButCanBeNeitherApprovedNorActivated() {
        Path sample = Path.of("../rules/examples/broken/forbidden-api");
        Map<String, String> files = PolicyFiles.fromDirectory(sample);
        int exitLine = lineOf(files.get("policy.drl"), "System.exit");

        Reply staged = stage("deleveraging", SeedPolicy.stageRequest("calls System.exit", files));

        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        assertThat(staged.json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(staged.json().get("findings")).anySatisfy(finding -> {
            assertThat(finding.get("code").asText()).isEqualTo("FORBIDDEN_API");
            assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
            assertThat(finding.get("file").asText()).isEqualTo("policy.drl");
            assertThat(finding.get("line").asInt()).isEqualTo(exitLine);
        });
        int version = staged.json().get("version").asInt();
        String path = "/api/v1/rulesets/deleveraging/versions/" + version;

        Reply approve = api.post(path + "/approve", User.APPROVER, "");
        Reply activate = api.post(path + "/activate", User.OPERATOR, "");

        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.json().get("detail").asText()).contains("REJECTED");
        assertThat(activate.status()).isEqualTo(409);
        assertThat(api.get(path, User.AUDITOR).json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json().get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void diffShowsEachChangedFileAsAUnifiedDiff() {
        assertThat(stage("diff-demo", SeedPolicy.stageRequest("v1", Map.of("warn.drl", WARN_DRL))).status())
                .isEqualTo(201);
        Map<String, String> v2 = Map.of("warn.drl", WARN_DRL.replace("0.8B", "0.75B"), "notes.md", "earlier warning\n");
        assertThat(stage("diff-demo", SeedPolicy.stageRequest("v2", v2)).status()).isEqualTo(201);

        Reply diff = api.get("/api/v1/rulesets/diff-demo/versions/2/diff?against=1", User.AUDITOR);

        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        assertThat(diff.json().get("against").asInt()).isEqualTo(1);
        assertThat(diff.json().get("files")).hasSize(2);
        assertThat(diff.json().get("files").get(0).get("path").asText()).isEqualTo("notes.md");
        assertThat(diff.json().get("files").get(0).get("change").asText()).isEqualTo("ADDED");
        assertThat(diff.json().get("files").get(0).get("diff").asText())
                .startsWith("--- /dev/null\n+++ v2/notes.md\n").endsWith("+earlier warning\n");
        assertThat(diff.json().get("files").get(1).get("change").asText()).isEqualTo("MODIFIED");
        assertThat(diff.json().get("files").get(1).get("diff").asText()).isEqualTo("""
                --- v1/warn.drl
                +++ v2/warn.drl
                @@ -5,7 +5,7 @@
                \s
                 rule "Warn early"
                 when
                -    $a : AccountRisk( !bankrupt, marginRatio >= 0.8B )
                +    $a : AccountRisk( !bankrupt, marginRatio >= 0.75B )
                 then
                     insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
                 end
                """);
        assertThat(api.get("/api/v1/rulesets/diff-demo/versions/2/diff?against=7", User.AUDITOR).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/rulesets/diff-demo/versions/2/diff", User.AUDITOR).json().get("against").asInt())
                .isEqualTo(1);
        Reply firstHasNoPredecessor = api.get("/api/v1/rulesets/diff-demo/versions/1/diff", User.AUDITOR);
        assertThat(firstHasNoPredecessor.status()).isEqualTo(400);
        assertThat(firstHasNoPredecessor.json().get("errors").get(0).get("field").asText()).isEqualTo("against");
    }

    private Reply stage(String ruleSet, String body) {
        return api.post("/api/v1/rulesets/" + ruleSet + "/versions", User.AUTHOR, body);
    }

    /** Everything a refused request must leave untouched: rule sets, versions and the audit log. */
    private String stored() {
        return api.get("/api/v1/rulesets", User.AUDITOR).text()
                + api.get("/api/v1/rulesets/deleveraging/versions", User.AUDITOR).text()
                + api.get("/api/v1/audit?size=500", User.AUDITOR).text();
    }

    private static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in the sample");
    }
}
