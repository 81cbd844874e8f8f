package com.deleverage.streaming;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/** The Kafka clients of a node, made with the settings every client of it shares. */
final class NodeClients {
    private final StreamSettings settings;

    NodeClients(StreamSettings settings) {
        this.settings = settings;
    }

    /** A transactional producer: a restart with the same id fences the former one and aborts what it left open. */
    KafkaProducer<String, String> producer(String transactionalId) {
        Properties p = common(transactionalId + "-out");
        // a node killed in a transaction holds read_committed readers back until the broker aborts it; a staged node
        // that dies is not restarted to fence it, so the broker's timeout is the wait (Kafka's default is 60 s). A
        // node's transactions only send what it has already decided (an operator's own setting wins)
        p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /**
     * A consumer of the group whose committed offsets mark what has been decided; reads committed records only and
     * never commits by itself. {@code cooperative}: a rebalance moves only the partitions that change owner.
     */
    KafkaConsumer<String, String> member(String groupId, String clientId, boolean cooperative) {
        Properties p = reading(clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        if (cooperative) {
            p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        return new KafkaConsumer<>(p);
    }

    /** A consumer outside any group, for partitions it is assigned by hand (rebuilds, replicas, the tick clock). */
    KafkaConsumer<String, String> reader(String clientId) {
        return new KafkaConsumer<>(reading(clientId));
    }

    List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.pollTimeout().multipliedBy(10));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: create it first (docs/streaming.md)");
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /**
     * Runs {@code work} (its sends, and the input offsets it sends to the transaction) in one transaction of the
     * producer: committed whole, or aborted on a failure, which is then thrown. A fenced producer is not aborted
     * (it cannot be): the node stops.
     */
    static void inTransaction(KafkaProducer<String, String> producer, Runnable work) {
        producer.beginTransaction();
        try {
            work.run();
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** The partition Kafka's default partitioner gives a key: where a producer keying by it writes. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Properties reading(String clientId) {
        Properties p = common(clientId);
        // a read_committed fetch waiting on the broker is not woken when a transaction commits: without this it
        // waits fetch.max.wait.ms (500 ms) at every hop between stages (an operator's own setting wins)
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(settings.pollTimeout().toMillis()));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private Properties common(String clientId) {
        Properties p = new Properties();
        p.putAll(settings.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }
}
