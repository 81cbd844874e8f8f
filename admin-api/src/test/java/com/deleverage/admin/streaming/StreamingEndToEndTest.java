package com.deleverage.admin.streaming;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.streaming.DecisionTopic;
import com.deleverage.streaming.EmbeddedKafka;
import com.deleverage.streaming.StreamFeeder;
import com.deleverage.streaming.StreamScript;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform with streaming enabled, against a real broker: account and market events in on Kafka, decisions out
 * on Kafka, and the decisions in force on the topic are the ones {@code POST /api/v1/evaluations} answers for the
 * same book, stamped with the same version; every tick is in the decision log. The platform runs the test
 * environment's small margin policy (the reference policy's compile would double the test's time; StreamNodeTest
 * runs the stream with the reference policy against the engine's evaluator).
 */
class StreamingEndToEndTest {
    @TempDir
    Path folder;

    @Test
    void decisionsOutOnKafkaAreTheSnapshotApisDecisionsForTheSameBook() throws Exception {
        Snapshot opening = SweepBooks.book(120, 21);
        String openingJson = PlatformJson.mapper().writeValueAsString(opening);
        assertThat(SnapshotJson.json().read(openingJson)).as("the opening book reads back as written").isEqualTo(opening);
        Path book = Files.writeString(folder.resolve("opening-book.json"), openingJson);
        List<StreamScript.Round> rounds = StreamScript.rounds(opening, 5, 4, 30);

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(3, "e2e.accounts", "e2e.markets", "e2e.decisions");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "deleveraging.streaming.enabled", "true",
                    "deleveraging.streaming.bootstrap-servers", kafka.bootstrapServers(),
                    "deleveraging.streaming.opening-book", book.toString(),
                    "deleveraging.streaming.account-topic", "e2e.accounts",
                    "deleveraging.streaming.market-topic", "e2e.markets",
                    "deleveraging.streaming.decision-topic", "e2e.decisions",
                    "deleveraging.streaming.poll-timeout", "50ms"), "test", "dev");
                 HttpClient http = HttpClient.create(server.getURL())) {
                StreamingNode node = server.getApplicationContext().getBean(StreamingNode.class);
                StreamFeeder feeder = new StreamFeeder(kafka, "e2e.accounts", "e2e.markets", node::stats);
                rounds.forEach(feeder::round);

                Api api = new Api(http);
                Reply status = api.get("/api/v1/streaming", User.OPERATOR);
                assertThat(status.status()).as(status.text()).isEqualTo(200);
                assertThat(status.json().get("live").asBoolean()).isTrue();
                assertThat(status.json().get("position").asLong()).as("every event sent was read").isEqualTo(feeder.sent());
                assertThat(status.json().get("rebuilds").asLong()).as("built once, at the start").isEqualTo(1);
                assertThat(status.json().get("malformed").asLong()).isZero();
                assertThat(api.get("/api/v1/streaming", User.TRADER).status()).isEqualTo(403);
                Snapshot last = StreamScript.bookAfter(opening, rounds);
                Reply evaluated = api.post("/api/v1/evaluations", User.TRADER, PlatformJson.mapper().writeValueAsString(last));
                assertThat(evaluated.status()).isEqualTo(200);
                Map<String, List<String>> expected = DecisionTopic.ofJson(evaluated.json().get("actions"));
                assertThat(expected).as("the book is one the policy acts on").hasSizeGreaterThan(3);

                List<ConsumerRecord<String, String>> records = kafka.readUntil("e2e.decisions",
                        read -> DecisionTopic.inForce(read).equals(expected), Duration.ofSeconds(30));
                assertThat(DecisionTopic.inForce(records)).isEqualTo(expected);
                assertThat(DecisionTopic.duplicates(records)).isEmpty();
                JsonNode latest = PlatformJson.mapper().readTree(records.getLast().value());
                assertThat(latest.get("version").asInt()).isEqualTo(evaluated.json().get("version").asInt());
                assertThat(latest.get("versionHash").asText()).isEqualTo(evaluated.json().get("versionHash").asText());

                // The tick that published it is in the decision log, under the id derived from its tick id.
                String logged = UUID.nameUUIDFromBytes(("stream/" + latest.get("tickId").asText())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                Reply entry = api.get("/api/v1/decisions/" + logged, User.AUDITOR);
                assertThat(entry.status()).as(entry.text()).isEqualTo(200);
                assertThat(entry.text()).contains(latest.get("decisionId").asText());
            }
        }
    }
}
