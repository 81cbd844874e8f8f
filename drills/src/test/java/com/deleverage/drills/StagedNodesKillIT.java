package com.deleverage.drills;

import com.deleverage.drills.PlatformClient.Reply;
import com.deleverage.drills.PlatformClient.User;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.streaming.DecisionTopic;
import com.deleverage.streaming.EmbeddedKafka;
import com.deleverage.streaming.ReferencePolicy;
import com.deleverage.streaming.StreamFeeder;
import com.deleverage.streaming.StreamNode;
import com.deleverage.streaming.StreamScript;
import com.deleverage.streaming.StreamSettings;
import com.deleverage.streaming.TickJournal;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-node drill: three platforms in staged mode (docs/streaming.md, "Several nodes") as real child processes,
 * sharing six account partitions and three hand-over (market) partitions of a real broker in this JVM, fed a steady
 * stream of account and market events; one is killed with SIGKILL in the middle of a tick and stays down, and the
 * two others take its partitions over. Afterwards the decisions in force on the topic are what
 * {@code POST /api/v1/evaluations} decides for the book after every event and what one single node decides reading
 * the same stream; no decision is on the topic twice and every decision names the one active version.
 *
 * <p>The nodes run the reference policy (their default seed), whose rules name their stage. Short form in
 * {@code ./mvnw verify} (9 rounds of 40 account events and 4 mark moves, the kill after the third); long form:
 * {@code drills/ops/staged-kill.sh} (ROUNDS).
 */
class StagedNodesKillIT {
    private static final String ACCOUNTS = "staged.accounts";
    private static final String MARKETS = "staged.markets";
    private static final String DECISIONS = "staged.decisions";
    private static final String HANDOVERS = "staged.handovers";
    private static final String SINGLE_DECISIONS = "single.decisions";
    private static final int ACCOUNT_PARTITIONS = 6;
    private static final int MARKET_PARTITIONS = 3;

    @TempDir
    Path folder;

    @Test
    void oneOfThreeNodesKilledUnderAStreamLosesAndDuplicatesNoDecision() throws Exception {
        int roundCount = Integer.getInteger("drill.staged.rounds", 9);
        int killAfter = 3;
        Random random = new Random(Long.getLong("drill.seed", 20251010L));
        Snapshot opening = SweepBooks.book(400, 31);
        Path book = Files.writeString(folder.resolve("opening-book.json"), PlatformJson.mapper().writeValueAsString(opening));
        List<StreamScript.Round> rounds = StreamScript.rounds(opening, random.nextLong(), roundCount, 40);

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(ACCOUNT_PARTITIONS, ACCOUNTS);
            kafka.createTopics(1, MARKETS);
            kafka.createTopics(MARKET_PARTITIONS, DECISIONS, HANDOVERS);
            List<PlatformClient> nodes = new ArrayList<>();
            List<PlatformProcess> platforms = new ArrayList<>();
            StreamNode single = null;
            try {
                for (int i = 1; i <= 3; i++) {
                    int port = StreamPlatform.freePort();
                    Path home = Files.createDirectories(folder.resolve("node-" + i));
                    PlatformClient node = new PlatformClient("http://127.0.0.1:" + port);
                    nodes.add(node);
                    platforms.add(new PlatformProcess(StreamPlatform.command(port, home.resolve("data"),
                            kafka.bootstrapServers(), book, ACCOUNTS, MARKETS, DECISIONS, staged(i)), home, node));
                }
                CompletableFuture.allOf(platforms.stream().map(p -> CompletableFuture.runAsync(() -> start(p)))
                        .toArray(CompletableFuture[]::new)).join();
                StreamFeeder.await(() -> partitionsOwned(nodes, "accountPartitions") == ACCOUNT_PARTITIONS
                        && partitionsOwned(nodes, "marketPartitions") == MARKET_PARTITIONS
                        && nodes.stream().allMatch(n -> StreamPlatform.status(n).path("live").asBoolean(false)));

                kafka.createTopics(MARKET_PARTITIONS, SINGLE_DECISIONS);
                single = singleNode(kafka, opening);
                StreamNode one = single;
                StreamFeeder.await(one::isLive);
                long started = System.nanoTime();
                long sentAccounts = 0;
                long sent = 0;
                CompletableFuture<Long> recovery = null;
                for (int i = 0; i < rounds.size(); i++) {
                    StreamScript.Round round = rounds.get(i);
                    round.accountEvents().forEach(e -> kafka.send(ACCOUNTS, e.key(), e.json()));
                    sentAccounts += round.accountEvents().size();
                    long accounts = sentAccounts;
                    List<PlatformClient> alive = recovery == null ? nodes : nodes.subList(0, 2);
                    // every account event read by the partitions' owners before the moves: the last tick sees them all
                    StreamFeeder.await(() -> alive.stream().mapToLong(n -> StreamPlatform.status(n).path("position").asLong(0)).sum() >= accounts
                            && partitionsOwned(alive, "accountPartitions") == ACCOUNT_PARTITIONS);
                    // the single node too (its position counts every record of both topics, announcements included)
                    long records = accounts + kafka.endOffset(MARKETS);
                    StreamFeeder.await(() -> one.stats().position() >= records);
                    round.marketEvents().forEach(e -> kafka.send(MARKETS, e.key(), e.json()));
                    sent += round.accountEvents().size() + round.marketEvents().size();
                    if (i + 1 == killAfter) {
                        Thread.sleep(random.nextInt(150)); // the moves reached the nodes: their ticks are running
                        long killed = System.nanoTime();
                        platforms.get(2).kill();
                        List<PlatformClient> survivors = nodes.subList(0, 2);
                        recovery = CompletableFuture.supplyAsync(() -> {
                            StreamFeeder.await(() -> partitionsOwned(survivors, "accountPartitions") == ACCOUNT_PARTITIONS
                                    && partitionsOwned(survivors, "marketPartitions") == MARKET_PARTITIONS
                                    && survivors.stream().allMatch(n -> StreamPlatform.status(n).path("live").asBoolean(false)));
                            return (System.nanoTime() - killed) / 1_000_000;
                        });
                    }
                }
                long recoveredMillis = recovery.join();
                double seconds = (System.nanoTime() - started) / 1e9;

                Reply evaluated = nodes.get(0).post("/api/v1/evaluations", User.TRADER,
                        PlatformJson.mapper().writeValueAsString(StreamScript.bookAfter(opening, rounds)));
                assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
                List<String> expected = DecisionTopic.allOfJson(evaluated.json().get("actions"));
                assertThat(expected).as("the book is one the policy acts on").hasSizeGreaterThan(3);
                List<ConsumerRecord<String, String>> records = kafka.readUntil(DECISIONS,
                        read -> DecisionTopic.allInForce(read).equals(expected), Duration.ofSeconds(90));
                List<String> singleDecisions = DecisionTopic.allInForce(kafka.readUntil(SINGLE_DECISIONS,
                        read -> DecisionTopic.allInForce(read).equals(expected), Duration.ofSeconds(30)));

                Latency latency = Latency.of(kafka.readUntil(MARKETS, read -> read.size() >= rounds.size() * 4,
                        Duration.ofSeconds(30)), records);
                System.out.printf("STAGED DRILL: 3 nodes, node 3 killed after round %d, its partitions taken over %d ms after "
                                + "the kill; %d events in %.1f s (%.0f events/s, %.0f per node); event to decision p50 %d ms, "
                                + "p99 %d ms over %d ticks (p50 to the account stage's %d ms, to the market stage's %d ms); "
                                + "%d decision records%n", killAfter, recoveredMillis, sent, seconds, sent / seconds,
                        sent / seconds / 3, latency.p50(), latency.p99(), latency.ticks(), latency.accountStageP50(),
                        latency.marketStageP50(), records.size());
                assertThat(DecisionTopic.allInForce(records)).as("no decision lost or changed").isEqualTo(expected);
                assertThat(singleDecisions).as("the decisions of one node reading the same stream").isEqualTo(expected);
                assertThat(DecisionTopic.duplicates(records)).as("no decision published twice").isEmpty();
                assertThat(DecisionTopic.versions(records)).as("one version on every decision")
                        .containsOnlyKeys(evaluated.json().get("version").asInt());
            } finally {
                for (PlatformProcess p : platforms) {
                    p.close();
                }
                if (single != null) {
                    single.close();
                }
            }
        }
    }

    /** The settings that make node {@code i} a staged node of the drill's group, taken over 6 s after it dies. */
    private static List<String> staged(int i) {
        return List.of("-Ddeleveraging.streaming.mode=staged",
                "-Ddeleveraging.streaming.handover-topic=" + HANDOVERS,
                "-Ddeleveraging.streaming.group-id=drill-staged",
                "-Ddeleveraging.streaming.transactional-id=drill-node-" + i,
                "-Ddeleveraging.streaming.client.session.timeout.ms=6000",
                "-Ddeleveraging.streaming.client.heartbeat.interval.ms=500");
    }

    /**
     * One single node (in this JVM, the reference policy from the repository) reading the same topics as the staged
     * nodes, with its own group and decisions topic, fed at the same pace (the rounds wait for it as for them).
     */
    private static StreamNode singleNode(EmbeddedKafka kafka, Snapshot opening) {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(ReferencePolicy.compile());
        StreamSettings settings = new StreamSettings(kafka.bootstrapServers(), ACCOUNTS, MARKETS, SINGLE_DECISIONS,
                "drill-single", "drill-single-1", Duration.ofMillis(50), 100_000, Map.of());
        return StreamNode.start(settings, () -> opening, registry, SweepOptions.DEFAULT, TickJournal.NONE);
    }

    private static void start(PlatformProcess platform) {
        try {
            platform.start();
        } catch (Exception e) {
            throw new IllegalStateException("a node did not start", e);
        }
    }

    private static int partitionsOwned(List<PlatformClient> nodes, String field) {
        Set<Integer> owned = new HashSet<>();
        nodes.forEach(n -> StreamPlatform.status(n).path(field).forEach(p -> owned.add(p.asInt())));
        return owned.size();
    }

    /**
     * From a market event to the decision records of its tick, by the records' own timestamps (both written by
     * clocks of this machine), over the ticks that published decisions: to the last record of the tick (p50, p99),
     * and the p50 to the account stage's last record and to the market stage's last record (a record naming a
     * market is the market stage's).
     */
    record Latency(long p50, long p99, int ticks, long accountStageP50, long marketStageP50) {
        static Latency of(List<ConsumerRecord<String, String>> moves, List<ConsumerRecord<String, String>> decisions) {
            Map<String, Long> sentAt = new HashMap<>();
            moves.forEach(m -> sentAt.put(m.topic() + "-" + m.partition() + "@" + m.offset(), m.timestamp()));
            Map<String, Long> last = new HashMap<>();
            Map<String, Long> accountStage = new HashMap<>();
            Map<String, Long> marketStage = new HashMap<>();
            for (ConsumerRecord<String, String> d : decisions) {
                JsonNode json = parse(d.value());
                String tick = json.get("tickId").asText();
                last.merge(tick, d.timestamp(), Math::max);
                (json.hasNonNull("symbol") ? marketStage : accountStage).merge(tick, d.timestamp(), Math::max);
            }
            List<Long> all = since(last, sentAt);
            return all.isEmpty() ? new Latency(-1, -1, 0, -1, -1) : new Latency(percentile(all, 0.5),
                    percentile(all, 0.99), all.size(), percentile(since(accountStage, sentAt), 0.5),
                    percentile(since(marketStage, sentAt), 0.5));
        }

        private static List<Long> since(Map<String, Long> decided, Map<String, Long> sentAt) {
            return decided.entrySet().stream().filter(e -> sentAt.containsKey(e.getKey()))
                    .map(e -> e.getValue() - sentAt.get(e.getKey())).sorted().toList();
        }

        private static long percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
        }

        private static JsonNode parse(String text) {
            try {
                return PlatformJson.mapper().readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException("not a decision: " + text, e);
            }
        }
    }
}
