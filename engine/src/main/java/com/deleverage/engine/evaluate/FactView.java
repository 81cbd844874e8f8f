package com.deleverage.engine.evaluate;

import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A fact a rule matched, as a support ticket shows it: its type and its fields, decimals as plain
 * strings. The submitted account and position inside the engine's assessments are left out: the
 * assessment's own figures say what mattered.
 */
final class FactView {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()))
            .addMixIn(AccountRisk.class, WithoutSubmittedAccount.class)
            .addMixIn(PositionRisk.class, WithoutSubmittedPosition.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
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
    }

    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DecisionView.plain(value));
        }
    }
}
