package com.deleverage.admin.approval;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maker-checker even for a senior officer who holds both the author and the approver role: the server
 * refuses to let anyone approve their own version, records the attempt, and changes nothing else.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.security.users.senior.password-hash",
        value = "$2a$10$W9/tWyy0HEA6u/DeBrSwy.F3YX6yzXgdKpWWL7uIk.QgYWKJ3LWei")
@Property(name = "deleveraging.security.users.senior.roles", value = "POLICY_AUTHOR,POLICY_APPROVER")
class FourEyesApiTest {
    private static final String PASSWORD = "a-strong-test-password-9f3k";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void nobodyApprovesTheirOwnVersionAndTheAttemptIsAudited() {
        Api api = new Api(http);
        Reply staged = api.post("/api/v1/rulesets/deleveraging/versions", "senior", PASSWORD,
                SeedPolicy.stageRequest("senior's change", SeedPolicy.filesWithComment("senior")));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        String approve = "/api/v1/rulesets/deleveraging/versions/" + staged.json().get("version").asInt() + "/approve";

        Reply own = api.post(approve, "senior", PASSWORD, "");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.isProblem()).isTrue();
        assertThat(own.json().get("detail").asText()).contains("senior staged").contains("four-eyes");
        int number = staged.json().get("version").asInt();
        JsonNode version = api.get("/api/v1/rulesets/deleveraging/versions/" + number, User.AUDITOR).json();
        assertThat(version.get("state").asText()).isEqualTo("VALIDATED");
        assertThat(version.has("approver")).isFalse();
        JsonNode lastAudit = last(api);
        assertThat(lastAudit.get("action").asText()).isEqualTo("APPROVAL_REFUSED");
        assertThat(lastAudit.get("actor").asText()).isEqualTo("senior");
        assertThat(lastAudit.get("version").asInt()).isEqualTo(number);

        Reply byApprover = api.post(approve, User.APPROVER, "");

        assertThat(byApprover.status()).isEqualTo(200);
        assertThat(byApprover.json().get("approver").asText()).isEqualTo("approver");
        assertThat(last(api).get("action").asText()).isEqualTo("VERSION_APPROVED");
    }

    @Test
    void anotherSpellingOfTheAuthorsNameIsStillTheAuthor() {
        Api api = new Api(http);
        Reply staged = api.post("/api/v1/rulesets/deleveraging/versions", "senior", PASSWORD,
                SeedPolicy.stageRequest("senior's other change", SeedPolicy.filesWithComment("senior, again")));
        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        String approve = "/api/v1/rulesets/deleveraging/versions/" + staged.json().get("version").asInt() + "/approve";

        // Upper case, surrounding blanks, full-width letters: one identity after trim, NFKC and lower case.
        for (String spelling : new String[]{"SENIOR", " Senior ", "\uFF33\uFF25\uFF2E\uFF29\uFF2F\uFF32"}) {
            Reply own = api.post(approve, spelling, PASSWORD, "");

            assertThat(own.status()).as(spelling + " -> " + own).isEqualTo(403);
            assertThat(own.json().get("detail").asText()).startsWith("senior staged").contains("four-eyes");
            assertThat(last(api).get("actor").asText()).isEqualTo("senior");
        }
    }

    private static JsonNode last(Api api) {
        JsonNode entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        return entries.get(entries.size() - 1);
    }
}
