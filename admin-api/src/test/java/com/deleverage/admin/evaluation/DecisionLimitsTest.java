package com.deleverage.admin.evaluation;

import com.deleverage.admin.refusal.Unprocessable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DecisionLimits limits = new DecisionLimits(10, 200);

    @Test
    void aTextOfAnActionBeyondTheLimitIsNamedByItsPath() throws Exception {
        JsonNode decision = JSON.readTree("{\"actions\": [{\"type\": \"WARN\", \"reason\": \"short\"},"
                + " {\"type\": \"LIQUIDATE\", \"explanation\": {\"facts\": [\"ok\", \"eleven char\"]}}]}");

        assertThatThrownBy(() -> limits.check(decision, decision.toString(), "deleveraging", 3))
                .isInstanceOfSatisfying(Unprocessable.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("the decision of deleveraging v3 "
                            + "is refused: actions[1].explanation.facts[1] is 11 characters long; at most 10 characters are "
                            + "accepted (deleveraging.limits.max-action-text). The policy must write shorter texts; nothing was logged");
                });
    }

    @Test
    void aDecisionBeyondTheSizeLimitIsRefusedAndOneAtTheLimitsPasses() throws Exception {
        JsonNode small = JSON.readTree("{\"actions\": [{\"reason\": \"0123456789\"}]}");
        String json = small.toString();

        assertThatCode(() -> limits.check(small, json, "deleveraging", 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check(small, json + " ".repeat(201 - json.length()), "deleveraging", 1))
                .hasMessage("the decision of deleveraging v1 is refused: it is 201 characters long; at most 200 are "
                        + "accepted (deleveraging.limits.max-decision-size). Split the snapshot; nothing was logged");
    }
}
