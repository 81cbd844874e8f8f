package com.deleverage.streaming;

import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.hash.Sha256;
import com.deleverage.engine.live.LiveBook;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.sweep.SweepResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
public final class StreamNode extends NodeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(StreamNode.class);

    private final StreamSettings settings;
    private final NodeClients clients;
    private final Supplier<Snapshot> opening;
    private final ActiveVersions registry;
    private final SweepOptions options;
    private final TickJournal journal;

    private StreamNode(StreamSettings settings, Supplier<Snapshot> opening, ActiveVersions registry, SweepOptions options,
                       TickJournal journal) {
        super(settings.transactionalId());
        this.settings = settings;
        this.clients = new NodeClients(settings);
        this.opening = opening;
        this.registry = registry;
        this.options = options;
        this.journal = journal;
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
        node.startThread();
        return node;
    }

    @Override
    void session() {
        try (KafkaProducer<String, String> producer = clients.producer(settings.transactionalId());
             KafkaConsumer<String, String> reader = wakeable(clients.member(settings.groupId(), settings.transactionalId() + "-in", false));
             LiveBook book = new LiveBook(opening.get(), registry, options, settings.eventWindow())) {
            if (!running()) {
                return;
            }
            producer.initTransactions(); // fences this node's former self and aborts what it left open
            EventTarget target = new EventTarget(settings.marketTopic(), book::apply, book::apply);
            List<TopicPartition> partitions = new ArrayList<>(clients.partitionsOf(reader, settings.accountTopic()));
            partitions.addAll(clients.partitionsOf(reader, settings.marketTopic()));
            reader.assign(partitions);
            DecisionChanges changes = new DecisionChanges();
            Instant decidedAt = rebuild(reader, book, target, changes, partitions);
            stats.rebuilds.incrementAndGet();
            live();
            decide(reader, producer, book, target, changes, partitions, decidedAt);
        }
    }

    /**
     * Applies every event before the committed offsets (what earlier ticks decided) and evaluates the book at the
     * last of those ticks' time, so that the next tick publishes only what changes from what was published.
     */
    private Instant rebuild(KafkaConsumer<String, String> reader, LiveBook book, EventTarget target,
                            DecisionChanges changes, List<TopicPartition> partitions) {
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
        while (running() && partitions.stream().anyMatch(p -> reader.position(p) < decided.get(p))) {
            for (ConsumerRecord<String, String> r : reader.poll(settings.pollTimeout())) {
                if (r.offset() < decided.get(new TopicPartition(r.topic(), r.partition()))) {
                    MarketEvent move = target.apply(r, null);
                    decidedAt = move == null ? decidedAt : latest(decidedAt, move.at());
                }
            }
        }
        partitions.forEach(p -> reader.seek(p, decided.get(p)));
        stats.position.set(decided.values().stream().mapToLong(Long::longValue).sum());
        if (decidedAt != null) {
            try {
                changes.published(changes.after(Decided.of(book.tick(decidedAt)), "rebuild"));
            } catch (EvaluationFailedException e) {
                LOG.error("the book rebuilt by stream node {} cannot be evaluated", settings.transactionalId(), e);
            }
        }
        return decidedAt;
    }

    private void decide(KafkaConsumer<String, String> reader, KafkaProducer<String, String> producer, LiveBook book,
                        EventTarget target, DecisionChanges changes, List<TopicPartition> partitions, Instant decidedAt) {
        Instant tickAt = decidedAt;
        String tickId = null;
        Sha256.Running events = new Sha256.Running();
        while (running()) {
            for (ConsumerRecord<String, String> r : reader.poll(settings.pollTimeout())) {
                events.add(r.value() == null ? "" : r.value());
                MarketEvent move = target.apply(r, stats);
                if (move != null) {
                    tickAt = latest(tickAt, move.at());
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
            List<DecisionMessage> messages = result == null ? List.of() : changes.after(Decided.of(result), tickId);
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
        NodeClients.inTransaction(producer, () -> {
            for (int i = 0; i < messages.size(); i++) {
                producer.send(new ProducerRecord<>(settings.decisionTopic(), messages.get(i).key(), texts.get(i)));
            }
            producer.sendOffsetsToTransaction(offsets, reader.groupMetadata());
        });
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
