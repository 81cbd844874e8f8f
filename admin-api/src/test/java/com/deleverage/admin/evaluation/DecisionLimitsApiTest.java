package com.deleverage.admin.evaluation;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a 50-character cap on action texts, the seed policy's liquidation reason is refused and not logged:
 * "account equity 179.35 no longer covers its maintenance margin 206.88260" is 15 + 6 + 41 + 9 = 71
 * characters (the margin keeps the scale of 51720.65 x 0.004).
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.limits.max-action-text", value = "50")
class DecisionLimitsApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aDecisionWithATooLongReasonIsA422AndNothingIsLogged() {
        Api api = new Api(http);

        Reply reply = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).isEqualTo("the decision of deleveraging v1 is refused: "
                + "actions[0].reason is 71 characters long; at most 50 characters are accepted "
                + "(deleveraging.limits.max-action-text). The policy must write shorter texts; nothing was logged");
        Reply log = api.get("/api/v1/decisions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", User.AUDITOR);
        assertThat(log.json().get("total").asLong()).isZero();
    }
}
