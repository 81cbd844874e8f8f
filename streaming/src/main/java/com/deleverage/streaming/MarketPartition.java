package com.deleverage.streaming;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.stage.MarketStage;
import com.deleverage.engine.sweep.SweepOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One partition of the hand-over topic in a market-stage node: a {@link MarketStage} of the markets Kafka's
 * partitioner puts on it, the hand-over records of every account partition waiting for their tick, and a replica of
 * the input topics (the ADL queue and socialised losses read every position of a market).
 *
 * <p>Tick {@code t} is decided once every account partition's marker for {@code t} is in: the stage then takes each
 * partition's hand-overs up to that marker and reads the input topics up to the offsets the markers name, so it
 * decides on exactly the book the account stage decided on, whichever nodes those partitions live on.
 */
final class MarketPartition implements AutoCloseable {
    /** A hand-over record read and not yet taken into the stage. */
    private record Waiting(long offset, Object record) {
    }

    /** The tick the stage stands at, and the hand-over offset to commit once it is decided. */
    record Marked(long marketOffset, Instant asOf, int version, long commitOffset) {
    }

    final int partition;
    private final MarketStage stage;
    private final ReplicaReader replica;
    private final List<ArrayDeque<Waiting>> waiting = new ArrayList<>();
    private final List<TopicPartition> accountPartitions;
    private final TopicPartition marketPartition;
    private final DecisionChanges decisions = DecisionChanges.ofSettlements();
    private long consumed = -1;
    private Marked undecided;

    MarketPartition(int partition, int partitions, Snapshot book, ActiveVersions registry, SweepOptions options,
                    StreamSettings stream, List<TopicPartition> accountPartitions, TopicPartition marketPartition,
                    KafkaConsumer<String, String> replicaConsumer, BooleanSupplier running) {
        this.partition = partition;
        this.stage = new MarketStage(book, registry, options, stream.eventWindow(),
                symbol -> NodeClients.partitionOf(symbol, partitions) == partition);
        this.accountPartitions = accountPartitions;
        this.marketPartition = marketPartition;
        accountPartitions.forEach(p -> waiting.add(new ArrayDeque<>()));
        List<TopicPartition> inputs = new ArrayList<>(accountPartitions);
        inputs.add(marketPartition);
        this.replica = new ReplicaReader(replicaConsumer, inputs,
                new EventTarget(stream.marketTopic(), stage::apply, stage::apply), stream.pollTimeout(), running);
    }

    void receive(ConsumerRecord<String, String> r) {
        Object read = HandoverRecords.read(r);
        int from = read instanceof HandoverRecords.Marker m ? m.accountPartition()
                : ((HandoverRecords.Handover) read).accountPartition();
        if (from >= waiting.size()) {
            throw new IllegalStateException("a hand-over from account partition " + from + ", but the account topic has "
                    + waiting.size() + ": the account topic's partitions may only change with a new deployment");
        }
        waiting.get(from).add(new Waiting(r.offset(), read));
    }

    /**
     * Moves the stage to the newest tick every account partition has marked with one version, if it is newer than
     * where the stage stands; the tick then waits for {@link #decide}.
     */
    void advance() {
        HandoverRecords.Marker[] newest = new HandoverRecords.Marker[waiting.size()];
        long common = Long.MAX_VALUE;
        for (int p = 0; p < newest.length; p++) {
            newest[p] = newestMarker(waiting.get(p));
            if (newest[p] == null) {
                return;
            }
            common = Math.min(common, newest[p].marketOffset());
        }
        HandoverRecords.Marker[] at = new HandoverRecords.Marker[newest.length];
        for (int p = 0; p < at.length; p++) {
            at[p] = markerAt(waiting.get(p), common);
            if (at[p] == null || at[p].version() != at[0].version()) {
                return; // a partition that skipped this tick, or a version switch not yet on every partition
            }
        }
        for (int p = 0; p < at.length; p++) {
            take(waiting.get(p), common);
            replica.advance(accountPartitions.get(p), at[p].accountNext());
        }
        replica.advance(marketPartition, common + 1);
        undecided = new Marked(common, at[0].asOf(), at[0].version(), consumed + 1);
    }

    /** The tick the stage stands at and has not decided yet, or null. */
    Marked undecided() {
        return undecided;
    }

    /**
     * Decides the tick the stage stands at: the records it adds to the decisions topic, or empty while the
     * version the account stage decided with is not this node's active version yet.
     */
    Optional<List<DecisionMessage>> decide(String marketTopic) {
        Marked m = undecided;
        String tickId = marketTopic + "-" + marketPartition.partition() + "@" + m.marketOffset();
        return stage.tick(m.asOf(), m.version()).map(tick -> decisions.after(Decided.of(tick), tickId));
    }

    /** The decided tick's records are on the topic (or were, before a rebuild). */
    void decided(List<DecisionMessage> messages) {
        decisions.published(messages);
        undecided = null;
    }

    private void take(ArrayDeque<Waiting> queue, long tick) {
        while (true) {
            Waiting w = queue.poll();
            consumed = Math.max(consumed, w.offset());
            if (w.record() instanceof HandoverRecords.Handover h) {
                stage.handover(h.facts());
            } else if (((HandoverRecords.Marker) w.record()).marketOffset() == tick) {
                return;
            }
        }
    }

    private static HandoverRecords.Marker newestMarker(ArrayDeque<Waiting> queue) {
        var it = queue.descendingIterator();
        while (it.hasNext()) {
            if (it.next().record() instanceof HandoverRecords.Marker m) {
                return m;
            }
        }
        return null;
    }

    private static HandoverRecords.Marker markerAt(ArrayDeque<Waiting> queue, long tick) {
        for (Waiting w : queue) {
            if (w.record() instanceof HandoverRecords.Marker m && m.marketOffset() == tick) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void close() {
        replica.close();
        stage.close();
    }
}
