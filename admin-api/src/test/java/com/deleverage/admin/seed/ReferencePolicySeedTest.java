package com.deleverage.admin.seed;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import com.deleverage.engine.compile.ContentHash;
import com.deleverage.engine.policy.PolicyFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A fresh installation as a newcomer starts it: the reference policy shipped in the rules module is
 * seeded as version 1 of "deleveraging", activated, audited as the platform's own act, and liquidates
 * an under-margined account.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.seed.classpath-folder", value = "policies/deleveraging")
class ReferencePolicySeedTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theReferencePolicyIsVersionOneAndLiquidatesAnUnderMarginedAccount() {
        Api api = new Api(http);
        String referenceHash = ContentHash.of(PolicyFiles.fromClasspath("policies/deleveraging",
                getClass().getClassLoader()));

        Reply reply = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode decision = reply.json();
        assertThat(decision.get("ruleSet").asText()).isEqualTo("deleveraging");
        assertThat(decision.get("version").asInt()).isEqualTo(1);
        assertThat(decision.get("versionHash").asText()).isEqualTo(referenceHash);
        assertThat(decision.get("actions")).anySatisfy(action -> {
            assertThat(action.get("type").asText()).isEqualTo("LIQUIDATE");
            assertThat(action.get("account").asText()).isEqualTo("acct-1");
            assertThat(action.get("symbol").asText()).isEqualTo("BTCUSDT");
            // The reference policy decides partial or full; either way within the 0.5 BTC position.
            assertThat(new BigDecimal(action.get("quantity").asText())).isPositive().isLessThanOrEqualTo(new BigDecimal("0.5"));
            assertThat(action.get("rule").asText()).isNotBlank();
        });

        JsonNode audit = api.get("/api/v1/audit", User.AUDITOR).json().get("entries");
        assertThat(audit).extracting(e -> e.get("actor").asText(), e -> e.get("action").asText(),
                        e -> e.get("versionHash").asText())
                .containsExactly(tuple("system", "VERSION_STAGED", referenceHash),
                        tuple("system", "VERSION_VALIDATED", referenceHash),
                        tuple("system", "REFERENCE_POLICY_SEEDED", referenceHash));
    }
}
