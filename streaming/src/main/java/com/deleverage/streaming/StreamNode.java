package com.deleverage.streaming;

import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.hash.Sha256;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.LiveBook;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.sweep.SweepResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * One node of the continuous risk engine: it reads the account and market topics, keeps the book in a
 * {@link LiveBook}, evaluates it at a tick after every poll that brought a market move, and publishes the changed
 * decisions to the decisions topic.
 *
 * <p>Exactly once from the topics' point of view: a tick's decisions and the input offsets up to the tick are
 * committed in one Kafka transaction, so a crash either loses the tick whole (its events are read again and
 * decided again, with the same ids) or publishes it whole, and consumers reading {@code read_committed} never see a
 * decision twice. Events are at-least-once from the trading system: a redelivered event id is applied once.
 *
 * <p>The book lives in memory. A node (re)starting, or recovering from a failed commit, rebuilds it from the
 * opening book and the input topics from their beginning up to the committed offsets, without publishing, then
 * decides from there: the input topics' retention must keep every event since the opening book.
 */
public final class StreamNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamNode.class);

    private final StreamSettings settings;
    private final Supplier<Snapshot> opening;
    private final ActiveVersions registry;
    private final SweepOptions options;
    private final TickJournal journal;
    private final StreamStats stats = new StreamStats();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean live;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile RuntimeException fatal;

    private StreamNode(StreamSettings settings, Supplier<Snapshot> opening, ActiveVersions registry, SweepOptions options,
                       TickJournal journal) {
        this.settings = settings;
        this.opening = opening;
        this.registry = registry;
        this.options = options;
        this.journal = journal;
        this.thread = new Thread(this::run, "stream-" + settings.transactionalId());
    }

    /**
     * Starts a node on a thread of its own.
     *
     * @param opening  the book the topics' events apply to (read again at every rebuild)
     * @param registry where each tick reads the active version of the opening book's rule set
     * @param journal  where each tick is recorded before it is published
     */
    public static StreamNode start(StreamSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
                                   SweepOptions options, TickJournal journal) {
        StreamNode node = new StreamNode(settings, opening, registry, options, journal);
        node.thread.start();
        return node;
    }

    public StreamStats stats() {
        return stats;
    }

    /** True once the book is rebuilt and the node decides new events (false again while it recovers). */
    public boolean isLive() {
        return live;
    }

    /** Why the node stopped by itself (another node took over its transactional id), or null. */
    public RuntimeException failure() {
        return fatal;
    }

    private void run() {
        while (running) {
            try {
                session();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fatal = e;
                running = false;
                LOG.error("stream node {} stops: another node took over its transactional id", settings.transactionalId(), e);
            } catch (WakeupException e) {
                // close() woke the poll up
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("stream node {} rebuilds its book after a failure", settings.transactionalId(), e);
                    pause();
                }
            } finally {
                live = false;
            }
        }
    }

    private void session() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
             KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerProperties());
             LiveBook book = new LiveBook(opening.get(), registry, options, settings.eventWindow())) {
            consumer = reader;
            if (!running) {
                return;
            }
            producer.initTransactions(); // fences this node's former self and aborts what it left open
            List<TopicPartition> partitions = new ArrayList<>(partitionsOf(reader, settings.accountTopic()));
            partitions.addAll(partitionsOf(reader, settings.marketTopic()));
            reader.assign(partitions);
            DecisionChanges changes = new DecisionChanges();
            Instant decidedAt = rebuild(reader, book, changes, partitions);
            stats.rebuilds.incrementAndGet();
            live = true;
            decide(reader, producer, book, changes, partitions, decidedAt);
        }
    }

    /**
     * Applies every event before the committed offsets (what earlier ticks decided) and evaluates the book at the
     * last of those ticks' time, so that the next tick publishes only what changes from what was published.
     */
    private Instant rebuild(KafkaConsumer<String, String> reader, LiveBook book, DecisionChanges changes,
                            List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        Map<TopicPartition, Long> decided = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = committed.get(p);
            // never beyond the log's end: a topic recreated empty under the same name would wait forever
            decided.put(p, o == null ? 0L : Math.min(o.offset(), ends.get(p)));
        }
        reader.seekToBeginning(partitions);
        Instant decidedAt = null;
        while (running && partitions.stream().anyMatch(p -> reader.position(p) < decided.get(p))) {
            for (ConsumerRecord<String, String> r : reader.poll(settings.pollTimeout())) {
                if (r.offset() < decided.get(new TopicPartition(r.topic(), r.partition()))) {
                    Instant at = apply(book, r, false);
                    decidedAt = at == null ? decidedAt : latest(decidedAt, at);
                }
            }
        }
        partitions.forEach(p -> reader.seek(p, decided.get(p)));
        stats.position.set(decided.values().stream().mapToLong(Long::longValue).sum());
        if (decidedAt != null) {
            try {
                changes.published(changes.after(book.tick(decidedAt), "rebuild"));
            } catch (EvaluationFailedException e) {
                LOG.error("the book rebuilt by stream node {} cannot be evaluated", settings.transactionalId(), e);
            }
        }
        return decidedAt;
    }

    private void decide(KafkaConsumer<String, String> reader, KafkaProducer<String, String> producer, LiveBook book,
                        DecisionChanges changes, List<TopicPartition> partitions, Instant decidedAt) {
        Instant tickAt = decidedAt;
        String tickId = null;
        Sha256.Running events = new Sha256.Running();
        while (running) {
            for (ConsumerRecord<String, String> r : reader.poll(settings.pollTimeout())) {
                events.add(r.value() == null ? "" : r.value());
                Instant at = apply(book, r, true);
                if (at != null) {
                    tickAt = latest(tickAt, at);
                    tickId = r.topic() + "-" + r.partition() + "@" + r.offset();
                }
            }
            stats.position.set(partitions.stream().mapToLong(reader::position).sum());
            if (tickId == null) {
                continue; // account events only: applied, decided at the next move
            }
            SweepResult result = null;
            try {
                result = book.tick(tickAt);
            } catch (EvaluationFailedException e) {
                stats.failedTicks.incrementAndGet();
                LOG.error("tick {} of stream node {} failed; its events stay applied and the next tick evaluates the whole book",
                        tickId, settings.transactionalId(), e);
            }
            List<DecisionMessage> messages = result == null ? List.of() : changes.after(result, tickId);
            List<String> texts = messages.stream().map(DecisionMessage::text).toList();
            long count = events.count();
            String eventsHash = events.tagged();
            if (result != null) {
                journal.record(new StreamTick(tickId, result, texts, count, eventsHash));
            }
            publish(reader, producer, partitions, messages, texts);
            changes.published(messages);
            stats.ticks.incrementAndGet();
            stats.decisions.addAndGet(messages.size());
            tickId = null;
        }
    }

    private void publish(KafkaConsumer<String, String> reader, KafkaProducer<String, String> producer,
                         List<TopicPartition> partitions, List<DecisionMessage> messages, List<String> texts) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, new OffsetAndMetadata(reader.position(p))));
        producer.beginTransaction();
        try {
            for (int i = 0; i < messages.size(); i++) {
                producer.send(new ProducerRecord<>(settings.decisionTopic(), messages.get(i).key(), texts.get(i)));
            }
            producer.sendOffsetsToTransaction(offsets, reader.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** Applies one record; returns the event's time when it is a market event the book applied, else null. */
    private Instant apply(LiveBook book, ConsumerRecord<String, String> r, boolean count) {
        boolean market = r.topic().equals(settings.marketTopic());
        EventOutcome outcome;
        MarketEvent move = null;
        try {
            if (market) {
                move = EventJson.market(r.value());
                outcome = book.apply(move);
            } else {
                outcome = book.apply(EventJson.account(r.value()));
            }
        } catch (EventJson.MalformedEventException e) {
            if (count) {
                stats.malformed.incrementAndGet();
                LOG.warn("skipped a malformed event at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
            return null;
        }
        if (count) {
            switch (outcome.kind()) {
                case APPLIED -> stats.applied.incrementAndGet();
                case DUPLICATE -> stats.duplicates.incrementAndGet();
                case REFUSED -> {
                    stats.refused.incrementAndGet();
                    LOG.info("refused event at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), outcome.detail());
                }
            }
        }
        return outcome.kind() == EventOutcome.Kind.APPLIED && move != null ? move.at() : null;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, String> reader, String topic) {
        List<PartitionInfo> infos = reader.partitionsFor(topic, settings.pollTimeout().multipliedBy(10));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: create it first (docs/streaming.md)");
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    private Properties consumerProperties() {
        Properties p = common("-in");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private Properties producerProperties() {
        Properties p = common("-out");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private Properties common(String suffix) {
        Properties p = new Properties();
        p.putAll(settings.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + suffix);
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the node: the tick in progress finishes (or is aborted), nothing after it is decided. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
