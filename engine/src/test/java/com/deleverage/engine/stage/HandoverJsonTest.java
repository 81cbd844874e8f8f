package com.deleverage.engine.stage;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoverJsonTest {

    static AccountHandover handover() {
        TreeMap<String, Object> risk = new TreeMap<>();
        risk.put("accountId", "A1");
        risk.put("symbol", null);
        risk.put("level", "BANKRUPT");
        risk.put("equity", new BigDecimal("-12.50"));
        risk.put("maintenanceMargin", new BigDecimal("1E+3"));
        risk.put("riskRank", 3);
        risk.put("sequence", 9_000_000_000L);
        risk.put("backstop", false);
        TreeMap<String, Object> plan = new TreeMap<>();
        plan.put("accountId", "A1");
        plan.put("quantity", new BigDecimal("0.100"));
        plan.put("reason", "equity \"-12.5\" is gone");
        return new AccountHandover("A1", List.of(new HandoverFact("RiskClass", risk), new HandoverFact("LiquidationPlan", plan)));
    }

    @Test
    void aHandoverComesBackEqualWithEveryValueOfItsTypeAndScale() {
        AccountHandover handover = handover();
        AccountHandover read = HandoverJson.read(HandoverJson.write(handover));

        assertThat(read).isEqualTo(handover);
        assertThat(((BigDecimal) read.facts().getFirst().fields().get("equity")).scale()).isEqualTo(2);
        assertThat(((BigDecimal) read.facts().getFirst().fields().get("maintenanceMargin")).scale()).isEqualTo(-3);
        assertThat(read.facts().getFirst().fields().get("sequence")).isInstanceOf(Long.class);
        assertThat(read.facts().getFirst().fields().get("riskRank")).isInstanceOf(Integer.class);
    }

    @Test
    void theTextNamesEachValuesType() {
        TreeMap<String, Object> fields = new TreeMap<>();
        fields.put("accountId", "A1");
        fields.put("fee", new BigDecimal("0.50"));
        fields.put("riskRank", 2);
        fields.put("count", 7L);

        assertThat(HandoverJson.write(new AccountHandover("A1", List.of(new HandoverFact("Plan", fields)))))
                .isEqualTo("{\"accountId\":\"A1\",\"facts\":[{\"type\":\"Plan\",\"fields\":{\"accountId\":\"A1\","
                        + "\"count\":{\"long\":\"7\"},\"fee\":{\"decimal\":\"0.50\"},\"riskRank\":2}}]}");
    }

    @Test
    void aMalformedTextIsRefusedSayingWhere() {
        assertThatThrownBy(() -> HandoverJson.read("{\"accountId\":\"A1\",\"facts\":["))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a hand-over is not valid JSON");
        assertThatThrownBy(() -> HandoverJson.read("[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the hand-over is not a JSON object");
        assertThatThrownBy(() -> HandoverJson.read("{\"accountId\":\"A1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the hand-over of A1 has no array 'facts'");
        assertThatThrownBy(() -> HandoverJson.read("{\"accountId\":\"A1\",\"facts\":[],\"extra\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the hand-over has an unknown member 'extra'");
        assertThatThrownBy(() -> HandoverJson.read(
                "{\"accountId\":\"A1\",\"facts\":[{\"type\":\"Plan\",\"fields\":{\"fee\":0.5}}]}"))
                .as("a bare fraction would lose its scale: decimals are written as text")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("field 'fee' of fact 0 of the hand-over of A1 is 0.5: a hand-over value is");
        assertThatThrownBy(() -> HandoverJson.read(
                "{\"accountId\":\"A1\",\"facts\":[{\"type\":\"Plan\",\"fields\":{\"fee\":{\"decimal\":\"x\"}}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'fee' of fact 0 of the hand-over of A1: 'x' is not a decimal");
    }

    @Test
    void aFieldOfAnotherTypeIsRefusedWhenTheFactIsMade() {
        TreeMap<String, Object> fields = new TreeMap<>();
        fields.put("when", java.time.Instant.EPOCH);

        assertThatThrownBy(() -> new HandoverFact("Plan", fields)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("field 'when' of the hand-over fact Plan is of type Instant;");
    }
}
