package com.deleverage.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared mapper reads fractions exactly and writes times as ISO-8601, and so does a YAML mapper given the
 * same configuration; the plain-decimal module writes strings.
 */
class PlatformJsonTest {

    @Test
    void fractionsAreReadAsExactDecimals() throws Exception {
        JsonNode node = PlatformJson.mapper().readTree("{\"price\": 0.1000000000000000055511151231257827}");
        assertThat(node.get("price").decimalValue()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }

    @Test
    void timesAreWrittenAsIsoText() throws Exception {
        assertThat(PlatformJson.mapper().writeValueAsString(Map.of("at", Instant.parse("2025-10-10T21:15:00Z"))))
                .isEqualTo("{\"at\":\"2025-10-10T21:15:00Z\"}");
    }

    @Test
    void plainDecimalsAreStringsWithoutExponentOrTrailingZeros() throws Exception {
        ObjectMapper plain = PlatformJson.rebuild().addModule(PlatformJson.plainDecimals()).build();
        assertThat(plain.writeValueAsString(new BigDecimal[]{new BigDecimal("1.50"), new BigDecimal("1E+2"),
                new BigDecimal("-0.000")})).isEqualTo("[\"1.5\",\"100\",\"0\"]");
        assertThat(PlatformJson.mapper().writeValueAsString(new BigDecimal("1.50"))).isEqualTo("1.50");
    }

    @Test
    void theConfigurationIsTheSameInYaml() throws Exception {
        YAMLMapper yaml = PlatformJson.configure(YAMLMapper.builder()).build();
        assertThat(yaml.readTree("price: 0.1000000000000000055511151231257827").get("price").decimalValue())
                .isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(yaml.writeValueAsString(Map.of("at", Instant.parse("2025-10-10T21:15:00Z"))))
                .isEqualTo("---\nat: \"2025-10-10T21:15:00Z\"\n");
    }
}
