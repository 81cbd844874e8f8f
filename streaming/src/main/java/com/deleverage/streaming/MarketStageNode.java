package com.deleverage.streaming;

import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
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

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The market stage of a staged deployment: a member of the market group on the hand-over topic, it decides the
 * market-level work (insurance fund, ADL, socialised loss, circuit breakers, funding, margin and leverage
 * requirements) of the markets on the partitions Kafka assigns it, one {@link MarketPartition} each. A tick's
 * decisions and the hand-over offset up to it are committed in one transaction.
 */
public final class MarketStageNode extends StageNode {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStageNode.class);

    private MarketStageNode(StagedSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
              SweepOptions options) {
        super(settings.marketStageId(), settings, opening, registry, options);
    }

    public static MarketStageNode start(StagedSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
                                        SweepOptions options) {
        MarketStageNode node = new MarketStageNode(settings, opening, registry, options);
        node.startThread();
        return node;
    }

    @Override
    void session() {
        Map<Integer, MarketPartition> parts = new TreeMap<>();
        Set<Integer> pending = new TreeSet<>();
        try (KafkaProducer<String, String> producer = clients.producer(settings.marketStageId());
             KafkaConsumer<String, String> member = wakeable(clients.member(settings.marketGroup(), settings.marketStageId() + "-in", true))) {
            if (!running()) {
                return;
            }
            producer.initTransactions();
            List<TopicPartition> accountPartitions = clients.partitionsOf(member, stream.accountTopic());
            List<TopicPartition> marketPartitions = clients.partitionsOf(member, stream.marketTopic());
            int handoverPartitions = clients.partitionsOf(member, settings.handoverTopic()).size();
            member.subscribe(List.of(settings.handoverTopic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> {
                        pending.remove(p.partition());
                        Optional.ofNullable(parts.remove(p.partition())).ifPresent(MarketPartition::close);
                    });
                    owns(parts.keySet());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> pending.add(p.partition()));
                }
            });
            live();
            while (running()) {
                var records = member.poll(stream.pollTimeout());
                for (int q : pending) {
                    parts.put(q, rebuild(member, q, handoverPartitions, accountPartitions, marketPartitions.get(0)));
                    stats.rebuilds.incrementAndGet();
                }
                pending.clear();
                owns(parts.keySet());
                for (ConsumerRecord<String, String> r : records) {
                    MarketPartition part = parts.get(r.partition());
                    if (part != null) {
                        part.receive(r);
                    }
                }
                for (MarketPartition part : parts.values()) {
                    part.advance();
                    if (part.undecided() != null) {
                        decide(producer, member, part);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            parts.values().forEach(MarketPartition::close);
            owns(Set.of());
        }
    }

    /**
     * Rebuilds one hand-over partition where its last committed tick left it: its records up to the committed
     * offset, the stage moved to the tick they end with and decided once, without publishing.
     */
    private MarketPartition rebuild(KafkaConsumer<String, String> member, int partition, int partitions,
                                    List<TopicPartition> accountPartitions, TopicPartition marketPartition)
            throws InterruptedException {
        TopicPartition handovers = new TopicPartition(settings.handoverTopic(), partition);
        OffsetAndMetadata committed = member.committed(Set.of(handovers)).get(handovers);
        MarketPartition part = new MarketPartition(partition, partitions, opening.get(), registry, options, stream,
                accountPartitions, marketPartition, clients.reader(settings.marketStageId() + "-replica-" + partition),
                this::running);
        long end = committed == null ? 0 : committed.offset();
        try (KafkaConsumer<String, String> reader = clients.reader(settings.marketStageId() + "-rebuild")) {
            reader.assign(List.of(handovers));
            reader.seekToBeginning(List.of(handovers));
            long last = Math.min(end, reader.endOffsets(List.of(handovers)).get(handovers));
            while (running() && reader.position(handovers) < last) {
                for (ConsumerRecord<String, String> r : reader.poll(stream.pollTimeout())) {
                    if (r.offset() < last) {
                        part.receive(r);
                    }
                }
            }
        }
        part.advance();
        if (part.undecided() != null) {
            try {
                baseline(part).ifPresentOrElse(part::decided, () -> LOG.warn("hand-over partition {} was decided by "
                        + "version {}, which this node has not activated: its next tick publishes every key again",
                        partition, part.undecided().version()));
            } catch (EvaluationFailedException e) {
                LOG.error("hand-over partition {} rebuilt by {} cannot be evaluated", partition, settings.marketStageId(), e);
            }
        }
        return part;
    }

    /**
     * What the previous owner published at the rebuilt tick. It was decided by the version its markers name, which
     * this node may not have activated yet (its NOTIFY on the way): waits for it, as an account partition waits at
     * an announcement, rather than publishing the tick a second time with whatever is active.
     */
    private Optional<List<DecisionMessage>> baseline(MarketPartition part) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PolicySwitches.PATIENCE);
        Optional<List<DecisionMessage>> decided = part.decide(stream.marketTopic());
        while (decided.isEmpty() && running() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(stream.pollTimeout().toMillis());
            decided = part.decide(stream.marketTopic());
        }
        return decided;
    }

    private void decide(KafkaProducer<String, String> producer, KafkaConsumer<String, String> member, MarketPartition part) {
        MarketPartition.Marked tick = part.undecided();
        List<DecisionMessage> messages;
        try {
            Optional<List<DecisionMessage>> decided = part.decide(stream.marketTopic());
            if (decided.isEmpty()) {
                return; // this node has not heard of the version yet: the next poll tries again
            }
            messages = decided.get();
        } catch (EvaluationFailedException e) {
            stats.failedTicks.incrementAndGet();
            LOG.error("market tick {} of hand-over partition {} failed; its decisions stay as published",
                    tick.marketOffset(), part.partition, e);
            messages = List.of();
        }
        List<DecisionMessage> published = messages;
        NodeClients.inTransaction(producer, () -> {
            for (DecisionMessage m : published) {
                producer.send(new ProducerRecord<>(stream.decisionTopic(), m.key(), m.text()));
            }
            producer.sendOffsetsToTransaction(Map.of(new TopicPartition(settings.handoverTopic(), part.partition),
                    new OffsetAndMetadata(tick.commitOffset())), member.groupMetadata());
        });
        part.decided(messages);
        stats.ticks.incrementAndGet();
        stats.decisions.addAndGet(messages.size());
    }
}
