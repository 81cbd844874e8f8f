package com.deleverage.engine.evaluate;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fact a rule matched, as a support ticket shows it: its type and its fields, decimals as plain
 * strings. The submitted account and position inside the engine's assessments are left out: the
 * assessment's own figures say what mattered.
 */
final class FactView {
    private static final ObjectMapper MAPPER = PlatformJson.rebuild()
            .addModule(PlatformJson.plainDecimals())
            .addMixIn(AccountRisk.class, WithoutSubmittedAccount.class)
            .addMixIn(PositionRisk.class, WithoutSubmittedPosition.class)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // valueToTree reads back what it wrote: a policy fact's double stays a double in the view.
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private FactView() {
    }

    static ObjectNode of(Object fact) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("fact", fact.getClass().getSimpleName());
        if (MAPPER.valueToTree(fact) instanceof ObjectNode fields) {
            node.setAll(fields);
        } else {
            node.put("value", String.valueOf(fact));
        }
        return node;
    }

    @JsonIgnoreProperties({"account"})
    private interface WithoutSubmittedAccount {
    }

    @JsonIgnoreProperties({"position"})
    private interface WithoutSubmittedPosition {
        /** Jackson would read {@code isolated()} as property "olated"; {@code marginMode} already says it. */
        @JsonIgnore
        boolean isolated();
    }
}
