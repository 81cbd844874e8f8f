package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.engine.compile.ContentHash;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The whole life of a policy change over real HTTP, as the risk team lives it: stage v2, the author
 * cannot approve it, a second person does, an operator activates it, evaluations stamp v2, a rollback
 * brings v1 back; every step is in the audit log, whose chain verifies until a row is edited in the
 * database.
 */
@MicronautTest(environments = "dev", transactional = false)
class PolicyLifecycleApiTest {
    private static final String VERSIONS = "/api/v1/rulesets/deleveraging/versions";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Test
    void stageApproveActivateRollBackAndAuditTheWholeWay() throws Exception {
        Api api = new Api(http);
        String v1Hash = ContentHash.of(SeedPolicy.files());
        Map<String, String> v2Files = SeedPolicy.filesWithComment("v2: reviewed after the October event");
        String v2Hash = ContentHash.of(v2Files);
        String stageBody = SeedPolicy.stageRequest("reviewed after the October event", v2Files);

        Reply staged = api.post(VERSIONS, User.AUTHOR, stageBody);
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        assertThat(staged.json().get("version").asInt()).isEqualTo(2);
        assertThat(staged.json().get("state").asText()).isEqualTo("VALIDATED");
        assertThat(staged.json().get("hash").asText()).isEqualTo(v2Hash);
        assertThat(staged.json().get("author").asText()).isEqualTo("author");
        assertThat(staged.json().get("files").size()).isEqualTo(v2Files.size());

        Reply restaged = api.post(VERSIONS, User.AUTHOR, stageBody);
        assertThat(restaged.status()).isEqualTo(200);
        assertThat(restaged.json().get("version").asInt()).isEqualTo(2);

        Reply selfApproval = api.post(VERSIONS + "/2/approve", User.AUTHOR, "");
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.isProblem()).isTrue();
        // The author has no approver role at all; the four-eyes rule itself is proven below with a user
        // holding both roles (SecurityMatrixTest covers roles). Here: nothing changed.
        assertThat(api.get(VERSIONS + "/2", User.AUDITOR).json().get("state").asText()).isEqualTo("VALIDATED");

        Reply approved = api.post(VERSIONS + "/2/approve", User.APPROVER, "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approver").asText()).isEqualTo("approver");

        Reply activated = api.post(VERSIONS + "/2/activate", User.OPERATOR, "");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("version").asInt()).isEqualTo(2);
        assertThat(activated.json().get("previousVersion").asInt()).isEqualTo(1);
        assertThat(api.get(VERSIONS + "/1", User.AUDITOR).json().get("state").asText()).isEqualTo("RETIRED");

        JsonNode underV2 = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json();
        assertThat(underV2.get("version").asInt()).isEqualTo(2);
        assertThat(underV2.get("versionHash").asText()).isEqualTo(v2Hash);

        Reply rolledBack = api.post("/api/v1/rulesets/deleveraging/rollback", User.OPERATOR,
                "{\"reason\": \"v2 misbehaves on the ETH book\"}");
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.json().get("version").asInt()).isEqualTo(1);
        assertThat(rolledBack.json().get("kind").asText()).isEqualTo("ROLLBACK");

        JsonNode underV1 = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json();
        assertThat(underV1.get("version").asInt()).isEqualTo(1);
        assertThat(underV1.get("versionHash").asText()).isEqualTo(v1Hash);
        assertThat(api.get(VERSIONS, User.AUDITOR).json())
                .extracting(v -> v.get("version").asInt(), v -> v.get("state").asText())
                .containsExactly(tuple(1, "ACTIVE"), tuple(2, "RETIRED"));

        JsonNode audit = api.get("/api/v1/audit?size=100", User.AUDITOR).json();
        assertThat(audit.get("entries"))
                .extracting(e -> e.get("actor").asText(), e -> e.get("action").asText(), e -> e.get("version").asInt())
                .containsExactly(
                        tuple("system", "VERSION_STAGED", 1),
                        tuple("system", "VERSION_VALIDATED", 1),
                        tuple("system", "REFERENCE_POLICY_SEEDED", 1),
                        tuple("author", "VERSION_STAGED", 2),
                        tuple("author", "VERSION_VALIDATED", 2),
                        tuple("approver", "VERSION_APPROVED", 2),
                        tuple("operator", "VERSION_ACTIVATED", 2),
                        tuple("operator", "VERSION_ROLLED_BACK", 1));
        assertThat(audit.get("entries").get(7).get("reason").asText()).contains("v2 misbehaves on the ETH book");
        assertThat(audit.get("total").asInt()).isEqualTo(8);

        JsonNode verified = api.get("/api/v1/audit/verify", User.AUDITOR).json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("verifiedRows").asInt()).isEqualTo(8);

        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 6");
        }
        JsonNode tampered = api.get("/api/v1/audit/verify", User.AUDITOR).json();
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(tampered.get("firstBrokenSeq").asInt()).isEqualTo(6);
        assertThat(tampered.get("problem").asText()).contains("row 6");
    }
}
