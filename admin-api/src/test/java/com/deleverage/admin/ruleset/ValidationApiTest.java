package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /rulesets/{name}/validations}: staging's checks without staging. A change on top of v1 (the seed,
 * test-policies/margin) with a misspelt field is not accepted, its finding located; the corrected change is
 * accepted; neither is stored nor audited. Only authors may ask.
 */
@MicronautTest(environments = "dev", transactional = false)
class ValidationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATIONS = "/api/v1/rulesets/deleveraging/validations";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aDraftIsValidatedLikeAStagingAndNothingIsStored() {
        Api api = new Api(http);
        String margin = api.get("/api/v1/rulesets/deleveraging/versions/1", User.AUDITOR).json()
                .get("files").get("margin.drl").asText();
        long auditRows = api.get("/api/v1/audit", User.AUDITOR).json().get("total").asLong();

        Reply typo = api.post(VALIDATIONS, User.AUTHOR, change(margin.replace("marginRatio >= 0.8B", "marginRatoi >= 0.75B")));
        Reply fixed = api.post(VALIDATIONS, User.AUTHOR, change(margin.replace("marginRatio >= 0.8B", "marginRatio >= 0.75B")));

        assertThat(typo.status()).as(typo.toString()).isEqualTo(200);
        assertThat(typo.json().get("accepted").asBoolean()).isFalse();
        JsonNode finding = typo.json().get("findings").get(0);
        // Line 14 is the margin call's condition; "    $account : AccountRisk( !bankrupt, " is 39 characters.
        assertThat(finding.get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(finding.get("file").asText()).isEqualTo("margin.drl");
        assertThat(finding.get("line").asInt()).isEqualTo(14);
        assertThat(finding.get("column").asInt()).isEqualTo(40);
        assertThat(fixed.json().get("accepted").asBoolean()).as(fixed.toString()).isTrue();
        assertThat(fixed.json().get("findings")).isEmpty();
        assertThat(fixed.json().get("scenariosRun").asInt()).isEqualTo(2); // the two documents of scenarios/margin.yaml
        assertThat(api.get("/api/v1/rulesets/deleveraging/versions", User.AUDITOR).json()).hasSize(1);
        assertThat(api.get("/api/v1/audit", User.AUDITOR).json().get("total").asLong()).isEqualTo(auditRows);
        assertThat(api.post(VALIDATIONS, User.APPROVER, change(margin)).status()).isEqualTo(403);
    }

    private static String change(String marginDrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("baseVersion", 1);
        body.putObject("changes").put("margin.drl", marginDrl);
        return body.toString();
    }
}
