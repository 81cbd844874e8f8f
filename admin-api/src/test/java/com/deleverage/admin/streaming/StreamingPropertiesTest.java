package com.deleverage.admin.streaming;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming is off unless configured, its Kafka client settings pass through as named, and on it needs its cluster. */
class StreamingPropertiesTest {

    @Test
    void streamingIsOffByDefaultAndThePlatformStartsWithoutKafka() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertThat(context.getBean(StreamingProperties.class)).isEqualTo(new StreamingProperties(false, null, null,
                    "deleveraging.account-events", "deleveraging.market-events", "deleveraging.decisions",
                    "deleveraging-stream", "deleveraging-stream-1", Duration.ofMillis(100), 1_000_000,
                    StreamingProperties.Mode.SINGLE, "deleveraging.handovers"));
            assertThat(context.containsBean(StreamingNode.class)).isFalse();
        }
    }

    @Test
    void clientPropertiesKeepTheirKafkaNames() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "deleveraging.streaming.client.security.protocol", "SASL_SSL",
                "deleveraging.streaming.client.sasl.mechanism", "SCRAM-SHA-512"), "test")) {
            assertThat(StreamingNode.clientProperties(context))
                    .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
        }
    }

    @Test
    void enabledWithoutAClusterStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("deleveraging.streaming.enabled", "true"), "test").close())
                .isInstanceOf(IllegalStateException.class).hasMessage("deleveraging.streaming.bootstrap-servers is required when streaming is enabled");
    }
}
