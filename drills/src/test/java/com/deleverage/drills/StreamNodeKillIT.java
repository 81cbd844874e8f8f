package com.deleverage.drills;

import com.deleverage.drills.PlatformClient.Reply;
import com.deleverage.drills.PlatformClient.User;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.streaming.DecisionTopic;
import com.deleverage.streaming.EmbeddedKafka;
import com.deleverage.streaming.StreamFeeder;
import com.deleverage.streaming.StreamScript;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream kill drill: a platform with its stream node as a real child process, fed a steady stream of account
 * and market events on a real broker (in this JVM), killed with SIGKILL in the middle of ticks and restarted.
 * Afterwards the decisions in force on the topic are what {@code POST /api/v1/evaluations} decides for the book
 * after every event, no decision is on the topic twice, and every decision names the one active version.
 *
 * <p>Short form in {@code ./mvnw verify} (2 kills); long form: {@code drills/ops/stream-kill.sh} (KILLS, default 10).
 * The platform runs the test environment's small margin policy, so that each restart's compile is short.
 */
class StreamNodeKillIT {
    private static final String ACCOUNTS = "kill.accounts";
    private static final String MARKETS = "kill.markets";
    private static final String DECISIONS = "kill.decisions";

    @TempDir
    Path folder;

    /** One kill: when, and how long until the restarted node was live again (process start and book rebuild). */
    record Kill(int afterRound, long killToHealthyMillis, long killToLiveMillis) {
    }

    @Test
    void aNodeKilledInTheMiddleOfTicksLosesAndDuplicatesNoDecision() throws Exception {
        int kills = Integer.getInteger("drill.stream.kills", 2);
        Random random = new Random(Long.getLong("drill.seed", 20251010L));
        Snapshot opening = SweepBooks.book(400, 31);
        Path book = Files.writeString(folder.resolve("opening-book.json"), PlatformJson.mapper().writeValueAsString(opening));
        int roundsBetweenKills = 3;
        List<StreamScript.Round> rounds = StreamScript.rounds(opening, random.nextLong(), roundsBetweenKills * (kills + 1), 40);

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(3, ACCOUNTS, MARKETS, DECISIONS);
            int port = StreamPlatform.freePort();
            PlatformClient node = new PlatformClient("http://127.0.0.1:" + port);
            List<Kill> done = new ArrayList<>();
            long started = System.nanoTime();
            try (PlatformProcess platform = new PlatformProcess(command(port, kafka, book), folder, node)) {
                platform.start();
                StreamPlatform.awaitLive(node);
                StreamFeeder feeder = new StreamFeeder(kafka, ACCOUNTS, MARKETS, () -> StreamPlatform.status(node).path("position").asLong(0));
                CompletableFuture<Kill> killing = CompletableFuture.completedFuture(null);
                int scheduled = 0;
                for (int i = 0; i < rounds.size(); i++) {
                    feeder.round(rounds.get(i)); // returns once the node has read the round's moves: its tick is running
                    if ((i + 1) % roundsBetweenKills == 0 && scheduled < kills) {
                        Kill previous = killing.join();
                        if (previous != null) {
                            done.add(previous);
                        }
                        scheduled++;
                        int round = i + 1;
                        long delay = random.nextInt(150);
                        killing = CompletableFuture.supplyAsync(() -> killAndRestart(platform, node, round, delay));
                    }
                }
                Kill last = killing.join();
                if (last != null) {
                    done.add(last);
                }
                double seconds = (System.nanoTime() - started) / 1e9;

                Reply evaluated = node.post("/api/v1/evaluations", User.TRADER,
                        PlatformJson.mapper().writeValueAsString(StreamScript.bookAfter(opening, rounds)));
                assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
                Map<String, List<String>> expected = DecisionTopic.ofJson(evaluated.json().get("actions"));
                assertThat(expected).as("the book is one the policy acts on").hasSizeGreaterThan(3);
                List<ConsumerRecord<String, String>> records = kafka.readUntil(DECISIONS,
                        read -> DecisionTopic.inForce(read).equals(expected), Duration.ofSeconds(60));

                System.out.printf("STREAM KILL DRILL: %d kills %s; %d events in %.1f s (%.0f events/s with the kills); "
                                + "%d decisions on the topic%n", done.size(), done, feeder.sent(), seconds,
                        feeder.sent() / seconds, records.size());
                assertThat(done).as("kills done in the middle of the stream").hasSize(kills);
                List<String> diff = differences(expected, DecisionTopic.inForce(records));
                assertThat(diff).as("no decision lost or changed").isEmpty();
                assertThat(DecisionTopic.duplicates(records)).as("no decision published twice").isEmpty();
                assertThat(DecisionTopic.versions(records)).as("one version on every decision")
                        .containsOnlyKeys(evaluated.json().get("version").asInt());
            }
        }
    }

    /** The keys whose decisions on the topic are not the expected ones, each with both sides. */
    private static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> onTopic) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(onTopic.keySet());
        return keys.stream().filter(k -> !Objects.equals(expected.get(k), onTopic.get(k)))
                .map(k -> k + ": expected " + expected.get(k) + ", on the topic " + onTopic.get(k)).toList();
    }

    private Kill killAndRestart(PlatformProcess platform, PlatformClient node, int afterRound, long delayMillis) {
        try {
            Thread.sleep(delayMillis);
            long killed = System.nanoTime();
            platform.kill();
            platform.start();
            long healthy = System.nanoTime();
            StreamPlatform.awaitLive(node);
            long live = System.nanoTime();
            return new Kill(afterRound, (healthy - killed) / 1_000_000, (live - killed) / 1_000_000);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not kill and restart the node", e);
        }
    }

    private List<String> command(int port, EmbeddedKafka kafka, Path book) {
        return StreamPlatform.command(port, folder.resolve("data"), kafka.bootstrapServers(), book, ACCOUNTS, MARKETS,
                DECISIONS, List.of("-Ddeleveraging.seed.classpath-folder=test-policies/margin"));
    }
}
