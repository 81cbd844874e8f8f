package com.deleverage.admin.audit;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /audit} filtered by rule set, actor and action. A fresh database holds the seeding's rows only:
 * the reference policy staged, validated and seeded as v1 by {@code system}.
 */
@MicronautTest(environments = "dev", transactional = false)
class AuditFilterApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void rowsAreFilteredByRuleSetActorAndAction() {
        Api api = new Api(http);
        long all = api.get("/api/v1/audit", User.AUDITOR).json().get("total").asLong();

        JsonNode seeded = api.get("/api/v1/audit?action=REFERENCE_POLICY_SEEDED&actor=SYSTEM&ruleSet=deleveraging",
                User.AUDITOR).json();

        assertThat(seeded.get("total").asLong()).isEqualTo(1);
        assertThat(seeded.get("entries").get(0).get("actor").asText()).isEqualTo("system");
        assertThat(seeded.get("entries").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?actor=system", User.AUDITOR).json().get("total").asLong()).isEqualTo(all);
        assertThat(api.get("/api/v1/audit?ruleSet=other", User.AUDITOR).json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/audit?action=NO_SUCH_ACTION", User.AUDITOR).status()).isEqualTo(400);
    }
}
