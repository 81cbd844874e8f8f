package com.deleverage.streaming;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.json.PlatformJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-node stream under a steady load, for docs/performance.md (a measurement, not a test): an embedded
 * broker, a node on the reference policy over a generated book, account events at a fixed rate and a mark move
 * every few milliseconds. It prints the events per second the node took, the latency from a mark move's send to
 * the first decision of its tick on the topic (p50, p99, max), and the time a restarted node takes to rebuild
 * its book from the topics and decide again.
 *
 * <p>{@code -Dpositions=20000 -Drate=2000 -Dseconds=30 -DmarketEveryMs=100 -DlayoutShare=0.0}: layoutShare is the
 * share of account events that are a new account's deposit and first position (the next tick then opens the sweep
 * again); the others change an account in place. {@code -Dnodes=3} runs that many staged nodes (docs/streaming.md,
 * "Several nodes") in this JVM instead of one single node: 6 account partitions, a one-partition market topic, 3
 * hand-over partitions; the restart is then not measured (the three-node drill measures a takeover).
 *
 * <p>Run from the repository root after {@code ./mvnw -B -o -q -pl engine,streaming test-compile
 * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}:
 * {@code cd streaming && java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) -Dpositions=20000
 * com.deleverage.streaming.StreamLoad}.
 */
public final class StreamLoad {
    private StreamLoad() {
    }

    public static void main(String[] args) throws Exception {
        int positions = Integer.getInteger("positions", 20_000);
        int rate = Integer.getInteger("rate", 2_000);
        int seconds = Integer.getInteger("seconds", 30);
        int marketEveryMs = Integer.getInteger("marketEveryMs", 100);
        double layoutShare = Double.parseDouble(System.getProperty("layoutShare", "0"));
        int nodes = Integer.getInteger("nodes", 0);
        Snapshot opening = SweepBooks.calmBook(positions, 3);
        ActiveVersions registry = new ActiveVersions();
        registry.activate(ReferencePolicy.compile());
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            StreamSettings settings = new StreamSettings(kafka.bootstrapServers(), "load.accounts", "load.markets",
                    "load.decisions", "load", "load-node-1", Duration.ofMillis(20), 1_000_000, Map.of());
            Running running = nodes > 0 ? Running.staged(kafka, settings, nodes, opening, registry)
                    : Running.single(kafka, settings, opening, registry);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = new ArrayList<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().start(() -> watch(kafka, sentAt, latencies, watching));

            long total = 0;
            long marketEvents = 0;
            SplittableRandom random = new SplittableRandom(11);
            Map<String, BigDecimal> marks = new java.util.LinkedHashMap<>();
            opening.markets().forEach(m -> marks.put(m.symbol(), m.markPrice()));
            List<String> symbols = List.copyOf(marks.keySet());
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            long start = System.nanoTime();
            Instant at = opening.asOf();
            int market = 0;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (long ms = 0; ms < seconds * 1000L; ms++) {
                    long due = start + ms * 1_000_000L;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    at = at.plusMillis(1);
                    long perMs = rate / 1000 + (random.nextInt(1000) < rate % 1000 ? 1 : 0);
                    for (int k = 0; k < perMs; k++) {
                        String id = "e" + total;
                        if (random.nextDouble() < layoutShare) { // a new account: its deposit, then its first position
                            producer.send(new ProducerRecord<>("load.accounts", "new-" + id,
                                    EventTexts.transfer(id + "-d", "new-" + id, at, new BigDecimal("1000"))));
                            producer.send(new ProducerRecord<>("load.accounts", "new-" + id, EventTexts.fill(id, "new-" + id, at,
                                    "BTCUSDT", new BigDecimal("0.001"), marks.get("BTCUSDT"), null)));
                            total += 2;
                            continue;
                        }
                        Account a = opening.accounts().get(random.nextInt(opening.accounts().size()));
                        producer.send(new ProducerRecord<>("load.accounts", a.id(), accountEvent(a, id, at, random, marks)));
                        total++;
                    }
                    if (ms % marketEveryMs == 0) {
                        String symbol = symbols.get(market++ % symbols.size());
                        BigDecimal mark = marks.get(symbol).multiply(BigDecimal.valueOf(997 + random.nextInt(6), 3))
                                .setScale(4, RoundingMode.HALF_EVEN);
                        marks.put(symbol, mark);
                        long sent = System.nanoTime();
                        producer.send(new ProducerRecord<>("load.markets", symbol, EventTexts.markPrice("m" + total, symbol, at, mark)),
                                (meta, e) -> {
                                    if (e == null) {
                                        sentAt.put(meta.topic() + "-" + meta.partition() + "@" + meta.offset(), sent);
                                    }
                                });
                        total++;
                        marketEvents++;
                    }
                }
            }
            long sentAll = System.nanoTime();
            long expected = nodes > 0 ? total - marketEvents : total; // a staged node's position counts account events
            StreamFeeder.await(() -> running.position() >= expected);
            long caughtUp = System.nanoTime();
            Thread.sleep(1_000);
            watching.set(false);
            watcher.join();
            System.out.printf("book %,d positions, %,d accounts; %d s at %,d account events/s + a mark move every %d ms (layout share %.3f)%n",
                    opening.accounts().stream().mapToInt(a -> a.positions().size()).sum(), opening.accounts().size(), seconds, rate,
                    marketEveryMs, layoutShare);
            System.out.printf("events %,d in %.1f s: %,.0f events/s taken; caught up %.0f ms after the last send%n", total,
                    (caughtUp - start) / 1e9, total / ((caughtUp - start) / 1e9), (caughtUp - sentAll) / 1e6);
            System.out.println((nodes > 0 ? nodes + " staged nodes: " : "node: ") + running.stats());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length > 0) {
                System.out.printf("mark move to first decision of its tick (%d ticks with decisions): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                        sorted[sorted.length - 1] / 1e6);
            }
            running.close();
            if (nodes > 0) {
                return;
            }
            long restart = System.nanoTime();
            try (StreamNode restarted = StreamNode.start(settings, () -> opening, registry, SweepOptions.DEFAULT, TickJournal.NONE)) {
                StreamFeeder.await(restarted::isLive);
                System.out.printf("restart: book rebuilt from %,d events and live in %.0f ms%n", total, (System.nanoTime() - restart) / 1e6);
            }
        }
    }

    /** The nodes under load: one single node, or staged nodes sharing the partitions. */
    private record Running(List<StreamNode> single, List<AccountStageNode> accounts, List<MarketStageNode> markets)
            implements AutoCloseable {
        static Running single(EmbeddedKafka kafka, StreamSettings settings, Snapshot opening, ActiveVersions registry) {
            kafka.createTopics(3, settings.accountTopic(), settings.marketTopic(), settings.decisionTopic());
            StreamNode node = StreamNode.start(settings, () -> opening, registry, SweepOptions.DEFAULT, TickJournal.NONE);
            StreamFeeder.await(node::isLive);
            return new Running(List.of(node), List.of(), List.of());
        }

        static Running staged(EmbeddedKafka kafka, StreamSettings plain, int nodes, Snapshot opening, ActiveVersions registry) {
            kafka.createTopics(6, plain.accountTopic());
            kafka.createTopics(1, plain.marketTopic());
            kafka.createTopics(3, plain.decisionTopic(), "load.handovers");
            List<AccountStageNode> accounts = new ArrayList<>();
            List<MarketStageNode> markets = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                StagedSettings settings = new StagedSettings(new StreamSettings(plain.bootstrapServers(), plain.accountTopic(),
                        plain.marketTopic(), plain.decisionTopic(), plain.groupId(), "load-node-" + i, plain.pollTimeout(),
                        plain.eventWindow(), plain.clientProperties()), "load.handovers");
                accounts.add(AccountStageNode.start(settings, () -> opening, registry, SweepOptions.DEFAULT));
                markets.add(MarketStageNode.start(settings, () -> opening, registry, SweepOptions.DEFAULT));
            }
            StreamFeeder.await(() -> accounts.stream().mapToInt(a -> a.partitions().size()).sum() == 6
                    && markets.stream().mapToInt(m -> m.partitions().size()).sum() == 3);
            return new Running(List.of(), accounts, markets);
        }

        long position() {
            return single.isEmpty() ? accounts.stream().mapToLong(a -> a.stats().position()).sum()
                    : single.getFirst().stats().position();
        }

        StreamStats stats() {
            List<StreamStats> all = new ArrayList<>();
            single.forEach(n -> all.add(n.stats()));
            accounts.forEach(n -> all.add(n.stats()));
            markets.forEach(n -> all.add(n.stats()));
            return StreamStats.total(all.toArray(StreamStats[]::new));
        }

        @Override
        public void close() {
            single.forEach(StreamNode::close);
            accounts.forEach(AccountStageNode::close);
            markets.forEach(MarketStageNode::close);
        }
    }

    /** A transfer into the account, or a fill adding to its first position: both change the account in place. */
    private static String accountEvent(Account a, String id, Instant at, SplittableRandom random, Map<String, BigDecimal> marks) {
        if (random.nextBoolean()) {
            return EventTexts.transfer(id, a.id(), at, BigDecimal.valueOf(1 + random.nextInt(100)));
        }
        Position p = a.positions().getFirst();
        BigDecimal add = p.quantity().signum() > 0 ? new BigDecimal("0.001") : new BigDecimal("-0.001");
        return EventTexts.fill(id, a.id(), at, p.symbol(), add, marks.get(p.symbol()),
                a.marginMode() == MarginMode.ISOLATED ? p.isolatedMargin() : null);
    }

    private static void watch(EmbeddedKafka kafka, Map<String, Long> sentAt, List<Long> latencies, AtomicBoolean watching) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "load-watcher");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = Arrays.asList(new TopicPartition("load.decisions", 0),
                    new TopicPartition("load.decisions", 1), new TopicPartition("load.decisions", 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (watching.get()) {
                for (var r : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    String tick = PlatformJson.mapper().readTree(r.value()).get("tickId").asText();
                    Long sent = sentAt.get(tick);
                    if (sent != null && seen.add(tick)) {
                        latencies.add(now - sent);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
