package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.stage.AccountHandover;
import com.deleverage.engine.stage.AccountStage;
import com.deleverage.engine.stage.StageTick;
import com.deleverage.engine.sweep.SweepOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The account stage of a staged deployment: a member of the account group, it holds the accounts of the account
 * partitions Kafka assigns it (one {@link AccountStage} per partition) and ticks each of them at every record of
 * the market topic, the stages' common clock. In one transaction per market record it publishes the changed
 * account decisions, the changed hand-over facts and a tick marker per partition, and commits the account offsets
 * with the next market offset in their metadata, so that whichever node owns a partition next rebuilds it exactly
 * where it was decided.
 *
 * <p>A node that dies hands its partitions to the others when its group session times out; a node that joins takes
 * some over. Only the partitions that move are rebuilt (cooperative rebalancing).
 */
public final class AccountStageNode extends StageNode {
    private static final Logger LOG = LoggerFactory.getLogger(AccountStageNode.class);

    private AccountStageNode(StagedSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
              SweepOptions options) {
        super(settings.accountStageId(), settings, opening, registry, options);
    }

    public static AccountStageNode start(StagedSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
                                         SweepOptions options) {
        AccountStageNode node = new AccountStageNode(settings, opening, registry, options);
        node.startThread();
        return node;
    }

    /** One account partition: its accounts' stage, what it has published, and how far it is. */
    private final class PartitionBook implements AutoCloseable {
        final int partition;
        final AccountStage stage;
        final EventTarget target;
        final DecisionChanges decisions = new DecisionChanges();
        final HandoverChanges handovers = new HandoverChanges();
        long accountNext;
        long marketNext;
        Instant lastAt;
        CompiledVersion.Lease lease; // the version the stream decides with at this partition's ticks; null: none announced yet

        PartitionBook(int partition, int partitions, Snapshot book) {
            this.partition = partition;
            this.stage = new AccountStage(book, registry, options, stream.eventWindow(),
                    account -> NodeClients.partitionOf(account, partitions) == partition);
            this.target = new EventTarget(stream.marketTopic(), event -> {
                int home = NodeClients.partitionOf(event.account(), partitions);
                return home == partition ? stage.apply(event) : EventOutcome.refused("account '" + event.account()
                        + "' is keyed to account partition " + home + ", not " + partition + ": key account events by account");
            }, stage::apply);
            this.lastAt = book.asOf();
        }

        int version() {
            return lease == null ? 0 : lease.version().version();
        }

        void decideWith(CompiledVersion version) {
            if (lease != null) {
                lease.close();
            }
            lease = version.lease();
        }

        @Override
        public void close() {
            stage.close();
            if (lease != null) {
                lease.close();
            }
        }
    }

    @Override
    void session() {
        Map<Integer, PartitionBook> books = new TreeMap<>();
        Set<Integer> pending = new TreeSet<>();
        String ruleSet = opening.get().ruleSet();
        PolicySwitches switches = new PolicySwitches(registry, ruleSet);
        try (KafkaProducer<String, String> producer = clients.producer(settings.accountStageId());
             KafkaConsumer<String, String> member = wakeable(clients.member(settings.accountGroup(), settings.accountStageId() + "-in", true));
             KafkaConsumer<String, String> clock = wakeable(clients.reader(settings.accountStageId() + "-clock"))) {
            if (!running()) {
                return;
            }
            producer.initTransactions();
            TopicPartition marketPartition = single(clients.partitionsOf(clock, stream.marketTopic()));
            int accountPartitions = clients.partitionsOf(member, stream.accountTopic()).size();
            int handoverPartitions = clients.partitionsOf(member, settings.handoverTopic()).size();
            clock.assign(List.of(marketPartition));
            member.subscribe(List.of(stream.accountTopic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> drop(books, pending, p.partition()));
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> pending.add(p.partition()));
                }
            });
            live();
            while (running()) {
                var records = member.poll(Duration.ofMillis(1));
                if (!pending.isEmpty()) {
                    for (int p : pending) {
                        books.put(p, rebuild(member, marketPartition, p, accountPartitions, switches));
                    }
                    pending.clear();
                    owns(books.keySet());
                    stats.rebuilds.incrementAndGet();
                    books.values().stream().mapToLong(b -> b.marketNext).min()
                            .ifPresent(next -> clock.seek(marketPartition, Math.min(next, clock.position(marketPartition))));
                }
                for (ConsumerRecord<String, String> r : records) {
                    PartitionBook book = books.get(r.partition());
                    if (book != null && r.offset() >= book.accountNext) {
                        book.target.apply(r, stats);
                        book.accountNext = r.offset() + 1;
                    }
                }
                // how far the account events are read: a staged platform's position (the clock is every node's)
                stats.position.set(books.values().stream().mapToLong(b -> b.accountNext).sum());
                if (books.isEmpty()) {
                    clock.poll(stream.pollTimeout()); // nothing to tick; keeps the loop from spinning
                    continue;
                }
                for (ConsumerRecord<String, String> move : clock.poll(stream.pollTimeout())) {
                    if (!tick(producer, member, move, books, handoverPartitions, switches)) {
                        clock.seek(marketPartition, move.offset()); // waits at the announcement for its version
                        Thread.sleep(stream.pollTimeout().toMillis());
                        break;
                    }
                }
                Integer announce = switches.toAnnounce(books.values().stream().map(PartitionBook::version).toList());
                if (announce != null) {
                    NodeClients.inTransaction(producer, () -> producer.send(new ProducerRecord<>(stream.marketTopic(),
                            "policy:" + ruleSet, EventJson.policyVersionRecord(ruleSet, announce))));
                    LOG.info("{} announced version {} of {} on the stream", settings.accountStageId(), announce, ruleSet);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            books.values().forEach(PartitionBook::close);
            owns(Set.of());
            stats.position.set(0);
        }
    }

    private void drop(Map<Integer, PartitionBook> books, Set<Integer> pending, int partition) {
        pending.remove(partition);
        PartitionBook book = books.remove(partition);
        if (book != null) {
            book.close();
        }
        owns(books.keySet());
    }

    /**
     * Rebuilds one partition where its last committed tick left it: its account events up to the committed offset
     * and the market events before the committed market offset, evaluated once so that its next tick publishes only
     * what changes from what was published.
     */
    private PartitionBook rebuild(KafkaConsumer<String, String> member, TopicPartition marketPartition, int partition,
                                  int partitions, PolicySwitches switches) throws InterruptedException {
        TopicPartition accounts = new TopicPartition(stream.accountTopic(), partition);
        OffsetAndMetadata committed = member.committed(Set.of(accounts)).get(accounts);
        PartitionBook book = new PartitionBook(partition, partitions, opening.get());
        Integer announced = null;
        long accountEnd = committed == null ? 0 : committed.offset();
        long marketEnd = committed == null ? 0 : HandoverRecords.nextMarketOffset(committed.metadata());
        try (KafkaConsumer<String, String> reader = clients.reader(settings.accountStageId() + "-rebuild")) {
            Map<TopicPartition, Long> ends = new HashMap<>(Map.of(accounts, accountEnd, marketPartition, marketEnd));
            reader.assign(ends.keySet());
            reader.seekToBeginning(ends.keySet());
            reader.endOffsets(ends.keySet()).forEach((p, end) -> ends.merge(p, end, Math::min));
            while (running() && ends.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> r : reader.poll(stream.pollTimeout())) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        Integer version = r.topic().equals(stream.marketTopic()) ? EventJson.policyVersion(r.value()) : null;
                        if (version != null) {
                            announced = version;
                            continue;
                        }
                        MarketEvent move = book.target.apply(r, null);
                        book.lastAt = move == null ? book.lastAt : move.at();
                    }
                }
            }
        }
        book.accountNext = accountEnd;
        book.marketNext = marketEnd;
        if (announced != null) {
            CompiledVersion.Lease waited;
            while ((waited = switches.lease(announced)) == null && running()) {
                Thread.sleep(stream.pollTimeout().toMillis());
            }
            if (waited != null) {
                try (CompiledVersion.Lease lease = waited) {
                    book.decideWith(lease.version());
                }
            }
        }
        if (book.lease != null) {
            try {
                StageTick tick = book.stage.tick(book.lastAt, book.lease.version());
                book.decisions.published(book.decisions.after(Decided.of(tick), "rebuild"));
                book.handovers.published(book.handovers.after(tick.handovers()));
            } catch (EvaluationFailedException e) {
                LOG.error("account partition {} rebuilt by {} cannot be evaluated", partition, settings.accountStageId(), e);
            }
        }
        return book;
    }

    /**
     * Ticks every partition that has not yet ticked at this market record, in one transaction: their changed
     * decisions and hand-over facts, a marker per partition on every hand-over partition, and their offsets. A
     * record announcing a version switches them to it first (and they decide again with it).
     *
     * @return false, changing nothing, when the record announces a version this node has not activated yet
     */
    private boolean tick(KafkaProducer<String, String> producer, KafkaConsumer<String, String> member,
                         ConsumerRecord<String, String> move, Map<Integer, PartitionBook> books, int handoverPartitions,
                         PolicySwitches switches) {
        List<PartitionBook> due = books.values().stream().filter(b -> b.marketNext <= move.offset()).toList();
        if (due.isEmpty()) {
            return true;
        }
        Integer announced = EventJson.policyVersion(move.value());
        if (announced != null) {
            CompiledVersion.Lease switched = switches.lease(announced);
            if (switched == null) {
                return false;
            }
            try (switched) {
                due.forEach(book -> book.decideWith(switched.version()));
            }
        }
        String tickId = move.topic() + "-" + move.partition() + "@" + move.offset();
        // evaluate first, then publish: the transaction stays open only while its records are sent, so a node killed
        // in it holds the topics' readers back for little (the broker aborts it after transaction.timeout.ms)
        List<PartitionTick> ticks = new ArrayList<>();
        boolean first = true;
        for (PartitionBook book : due) {
            MarketEvent applied = announced == null ? book.target.apply(move, first ? stats : null) : null;
            first = false;
            Instant at = applied == null ? book.lastAt : applied.at();
            StageTick tick = book.lease == null ? null : decide(book, at, tickId);
            ticks.add(new PartitionTick(book, at,
                    tick == null ? List.of() : book.decisions.after(Decided.of(tick), tickId),
                    tick == null ? List.of() : book.handovers.after(tick.handovers()),
                    new HandoverRecords.Marker(book.partition, move.offset(), book.accountNext, book.stage.ruleSet(),
                            book.version(), at)));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ticks.forEach(t -> offsets.put(new TopicPartition(stream.accountTopic(), t.book().partition),
                new OffsetAndMetadata(t.book().accountNext, HandoverRecords.commitMetadata(move.offset() + 1))));
        NodeClients.inTransaction(producer, () -> {
            for (PartitionTick t : ticks) {
                for (DecisionMessage m : t.messages()) {
                    producer.send(new ProducerRecord<>(stream.decisionTopic(), m.key(), m.text()));
                }
                for (int h = 0; h < handoverPartitions; h++) {
                    for (AccountHandover facts : t.changed()) {
                        producer.send(HandoverRecords.handover(settings.handoverTopic(), h, t.book().partition, facts));
                    }
                    producer.send(HandoverRecords.marker(settings.handoverTopic(), h, t.marker()));
                }
            }
            producer.sendOffsetsToTransaction(offsets, member.groupMetadata());
        });
        for (PartitionTick t : ticks) {
            t.book().decisions.published(t.messages());
            t.book().handovers.published(t.changed());
            t.book().marketNext = move.offset() + 1;
            t.book().lastAt = t.at();
            stats.decisions.addAndGet(t.messages().size());
        }
        stats.ticks.incrementAndGet();
        return true;
    }

    /** What one partition's tick publishes. */
    private record PartitionTick(PartitionBook book, Instant at, List<DecisionMessage> messages,
                                 List<AccountHandover> changed, HandoverRecords.Marker marker) {
    }

    /** One partition's tick with the version it decides with; a failed tick keeps what was published. */
    private StageTick decide(PartitionBook book, Instant at, String tickId) {
        try {
            return book.stage.tick(at, book.lease.version());
        } catch (EvaluationFailedException e) {
            stats.failedTicks.incrementAndGet();
            LOG.error("tick {} of account partition {} failed; its hand-over facts stay as published", tickId,
                    book.partition, e);
            return null;
        }
    }

    private static TopicPartition single(List<TopicPartition> partitions) {
        if (partitions.size() != 1) {
            throw new IllegalStateException("a staged deployment needs a market topic of one partition (the stages' "
                    + "common clock); " + partitions.get(0).topic() + " has " + partitions.size());
        }
        return partitions.get(0);
    }
}
