package com.deleverage.streaming;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Input topics read into a book up to exactly the offsets a tick names, and no further: what a poll brings beyond
 * them waits for a later tick.
 */
final class ReplicaReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final EventTarget target;
    private final Duration pollTimeout;
    private final BooleanSupplier running;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, String>>> ahead = new HashMap<>();
    private final Map<TopicPartition, Long> applied = new HashMap<>();

    ReplicaReader(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions, EventTarget target,
                  Duration pollTimeout, BooleanSupplier running) {
        this.consumer = consumer;
        this.target = target;
        this.pollTimeout = pollTimeout;
        this.running = running;
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(p -> {
            ahead.put(p, new ArrayDeque<>());
            applied.put(p, 0L);
        });
    }

    /** Applies every record of the partition before offset {@code next} not applied yet. */
    void advance(TopicPartition partition, long next) {
        ArrayDeque<ConsumerRecord<String, String>> waiting = ahead.get(partition);
        while (applied.get(partition) < next) {
            if (!running.getAsBoolean()) {
                throw new IllegalStateException("stopped while reading " + partition);
            }
            if (waiting.isEmpty()) {
                if (consumer.position(partition) >= next) {
                    applied.put(partition, next); // only transaction markers or aborted records before next
                    return;
                }
                consumer.poll(pollTimeout).forEach(r -> ahead.get(new TopicPartition(r.topic(), r.partition())).add(r));
                continue;
            }
            ConsumerRecord<String, String> r = waiting.peek();
            if (r.offset() >= next) {
                applied.put(partition, next);
                return;
            }
            waiting.poll();
            target.apply(r, null);
            applied.put(partition, r.offset() + 1);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
