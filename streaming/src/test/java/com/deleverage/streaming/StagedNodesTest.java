package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three staged nodes on a real broker, each an account stage and a market stage: the account partitions and the
 * hand-over partitions are spread over them, a node that leaves hands its partitions to the others, and the
 * decisions in force on the topic are what one fresh evaluation of the same book decides, none twice.
 */
class StagedNodesTest {
    private static final Snapshot OPENING = SweepBooks.book(200, 7);
    private static final ActiveVersions REGISTRY = new ActiveVersions();
    private static EmbeddedKafka kafka;
    private static CompiledVersion version;

    private record Node(AccountStageNode accounts, MarketStageNode markets) implements AutoCloseable {
        static Node start(StagedSettings settings) {
            return start(settings, REGISTRY);
        }

        /** A node with its own registry, as a platform node has (activations reach each at its own time). */
        static Node start(StagedSettings settings, ActiveVersions registry) {
            return new Node(AccountStageNode.start(settings, () -> OPENING, registry, SweepOptions.DEFAULT),
                    MarketStageNode.start(settings, () -> OPENING, registry, SweepOptions.DEFAULT));
        }

        @Override
        public void close() {
            accounts.close();
            markets.close();
        }
    }

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        version = ReferencePolicy.compile();
        REGISTRY.activate(version);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    /** A node's settings; a node that leaves without a word is taken over after the 6 s group session. */
    private static StagedSettings settings(String prefix, String node) {
        return new StagedSettings(new StreamSettings(kafka.bootstrapServers(), prefix + "-accounts", prefix + "-markets",
                prefix + "-decisions", prefix + "-group", prefix + "-" + node, Duration.ofMillis(50), 100_000,
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "500")), prefix + "-handovers");
    }

    /** Six account partitions, the one-partition market topic, three decision and hand-over partitions. */
    private static StagedSettings topics(String prefix) {
        StagedSettings settings = settings(prefix, "node-1");
        kafka.createTopics(6, settings.stream().accountTopic());
        kafka.createTopics(1, settings.stream().marketTopic());
        kafka.createTopics(3, settings.stream().decisionTopic(), settings.handoverTopic());
        return settings;
    }

    /**
     * Sends the rounds, each round's account events first and its moves once the partitions' owners have read them
     * (so the last tick sees every account event); {@code beforeRound} runs before each round is sent.
     */
    private static void feed(StagedSettings settings, List<StreamScript.Round> rounds, List<Node> nodes,
                             IntConsumer beforeRound) {
        long sent = 0;
        for (int i = 0; i < rounds.size(); i++) {
            beforeRound.accept(i);
            StreamScript.Round round = rounds.get(i);
            round.accountEvents().forEach(e -> kafka.send(settings.stream().accountTopic(), e.key(), e.json()));
            sent += round.accountEvents().size();
            long all = sent;
            StreamFeeder.await(() -> nodes.stream().mapToLong(n -> n.accounts().stats().position()).sum() >= all);
            round.marketEvents().forEach(e -> kafka.send(settings.stream().marketTopic(), e.key(), e.json()));
        }
    }

    @Test
    void threeNodesDecideWhatOneFreshEvaluationDecidesAndTheSurvivorsTakeOverANodeThatLeaves() {
        StagedSettings settings = topics("staged");
        List<StreamScript.Round> rounds = StreamScript.rounds(OPENING, 3, 6, 40);
        List<Node> nodes = new ArrayList<>();
        Set<Integer> takenOver = new HashSet<>();
        try {
            for (String name : List.of("node-1", "node-2", "node-3")) {
                nodes.add(Node.start(settings("staged", name)));
            }
            StreamFeeder.await(() -> owned(nodes, true).size() == 6 && owned(nodes, false).size() == 3
                    && nodes.stream().allMatch(n -> !n.accounts().partitions().isEmpty()));
            feed(settings, rounds, nodes, i -> {
                if (i == 3) {
                    Node leaving = nodes.remove(2);
                    takenOver.addAll(leaving.accounts().partitions());
                    takenOver.addAll(leaving.markets().partitions().stream().map(p -> 100 + p).toList());
                    leaving.close();
                    StreamFeeder.await(() -> owned(nodes, true).size() == 6 && owned(nodes, false).size() == 3);
                }
            });
            List<String> fresh = DecisionTopic.all(new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)))
                    .evaluate(version, StreamScript.bookAfter(OPENING, rounds)).actions());
            assertThat(fresh).as("account-stage decisions").anyMatch(a -> a.contains("\"type\":\"LIQUIDATE\""));
            assertThat(fresh).as("market-stage decisions about accounts").anyMatch(a -> a.contains("\"type\":\"INSURANCE_FUND_DRAW\""));
            assertThat(fresh).as("market-wide decisions").anyMatch(a -> a.contains("\"type\":\"SET_FUNDING_RATE\""));
            List<ConsumerRecord<String, String>> records = kafka.readUntil(settings.stream().decisionTopic(),
                    read -> DecisionTopic.allInForce(read).equals(fresh), Duration.ofSeconds(60));
            assertThat(DecisionTopic.allInForce(records)).isEqualTo(fresh);
            assertThat(DecisionTopic.duplicates(records)).isEmpty();
            assertThat(DecisionTopic.versions(records)).containsOnlyKeys(1);
            assertThat(takenOver).as("account and hand-over partitions the leaving node had (hand-over ones + 100)")
                    .anyMatch(p -> p < 100).anyMatch(p -> p >= 100);
        } finally {
            nodes.forEach(Node::close);
        }
    }

    @Test
    void aVersionActivatedOnTheNodesAtDifferentTimesSwitchesEveryPartitionAtOneTick() throws Exception {
        StagedSettings settings = topics("switch");
        List<StreamScript.Round> rounds = StreamScript.rounds(OPENING, 4, 5, 40);
        List<ActiveVersions> registries = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        try {
            for (String name : List.of("node-1", "node-2", "node-3")) {
                ActiveVersions registry = new ActiveVersions();
                registry.activate(ReferencePolicy.compile(1));
                registries.add(registry);
                nodes.add(Node.start(settings("switch", name), registry));
            }
            StreamFeeder.await(() -> owned(nodes, true).size() == 6 && owned(nodes, false).size() == 3);
            List<CompiledVersion> second = List.of(ReferencePolicy.compile(2), ReferencePolicy.compile(2), ReferencePolicy.compile(2));
            feed(settings, rounds, nodes, i -> {
                if (i == 2) {
                    registries.get(0).activate(second.get(0)); // node 1 first; the two others 1 and 2 s later
                    Thread.ofVirtual().start(() -> {
                        sleep(1_000);
                        registries.get(1).activate(second.get(1));
                        sleep(1_000);
                        registries.get(2).activate(second.get(2));
                    });
                }
            });
            List<String> fresh = DecisionTopic.all(new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)))
                    .evaluate(second.get(0), StreamScript.bookAfter(OPENING, rounds)).actions());
            List<ConsumerRecord<String, String>> records = kafka.readUntil(settings.stream().decisionTopic(),
                    read -> DecisionTopic.allInForce(read).equals(fresh), Duration.ofSeconds(60));
            assertThat(DecisionTopic.allInForce(records)).isEqualTo(fresh);
            assertThat(DecisionTopic.duplicates(records)).isEmpty();

            Map<Long, Set<Integer>> versionsByTick = new TreeMap<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode decision = PlatformJson.mapper().readTree(r.value());
                String tick = decision.get("tickId").asText();
                versionsByTick.computeIfAbsent(Long.parseLong(tick.substring(tick.indexOf('@') + 1)), t -> new TreeSet<>())
                        .add(decision.get("version").asInt());
            }
            assertThat(versionsByTick.values()).as("every tick decided by one version, on every partition")
                    .allSatisfy(v -> assertThat(v).hasSize(1));
            List<Integer> inTickOrder = versionsByTick.values().stream().map(v -> v.iterator().next()).toList();
            int switchedAt = inTickOrder.indexOf(2);
            assertThat(switchedAt).as("version 2 decides").isPositive();
            assertThat(inTickOrder.subList(0, switchedAt)).as("version 1 before the switch").containsOnly(1);
            assertThat(inTickOrder.subList(switchedAt, inTickOrder.size())).as("version 2 from the switch on").containsOnly(2);
        } finally {
            nodes.forEach(Node::close);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<Integer> owned(List<Node> nodes, boolean accounts) {
        Set<Integer> out = new HashSet<>();
        nodes.forEach(n -> out.addAll(accounts ? n.accounts().partitions() : n.markets().partitions()));
        return out;
    }
}
