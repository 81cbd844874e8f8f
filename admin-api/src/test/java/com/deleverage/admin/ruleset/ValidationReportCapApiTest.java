package com.deleverage.admin.ruleset;

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

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staging with more findings than deleveraging.limits.max-findings: the stored and returned report
 * holds the first ones and a count of the rest; the version is still judged on the full report.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.limits.max-findings", value = "2")
class ValidationReportCapApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aStagingWithManyFindingsReturnsTheFirstAndACount() {
        Api api = new Api(http);
        Map<String, String> files = new LinkedHashMap<>(SeedPolicy.files());
        // The seed's three rule names again, in the same package: three DUPLICATE_RULE errors.
        files.put("zz-again.drl", files.get("margin.drl"));

        Reply staged = api.post("/api/v1/rulesets/deleveraging/versions", User.AUTHOR,
                SeedPolicy.stageRequest("three duplicates", files));

        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        assertThat(staged.json().get("state").asText()).isEqualTo("REJECTED");
        JsonNode findings = staged.json().get("findings");
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0).get("code").asText()).isEqualTo("DUPLICATE_RULE");
        assertThat(findings.get(1).get("code").asText()).isEqualTo("DUPLICATE_RULE");
        assertThat(findings.get(2).get("code").asText()).isEqualTo("FINDINGS_OMITTED");
        assertThat(findings.get(2).get("message").asText()).startsWith("1 more findings omitted (1 of them errors)");
        JsonNode read = api.get("/api/v1/rulesets/deleveraging/versions/" + staged.json().get("version").asInt(),
                User.AUDITOR).json();
        assertThat(read.get("findings")).isEqualTo(findings);
    }
}
