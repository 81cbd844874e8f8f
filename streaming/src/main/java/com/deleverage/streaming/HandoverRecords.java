package com.deleverage.streaming;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.stage.AccountHandover;
import com.deleverage.engine.stage.HandoverJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;

/**
 * The records of the hand-over topic. The account stage writes, for each account partition and tick, the accounts
 * whose hand-over facts changed ({@code h/PARTITION/ACCOUNT}: the account's facts, none when empty), then a tick
 * marker ({@code m/PARTITION}) saying up to which offsets of the market and account topics they were decided, and by
 * which version. A market stage decides tick {@code t} once every account partition's marker for {@code t} is in.
 */
final class HandoverRecords {
    private HandoverRecords() {
    }

    /** One account partition's tick: the market record it ticked at, and the account events it had applied. */
    record Marker(int accountPartition, long marketOffset, long accountNext, String ruleSet, int version, Instant asOf) {
    }

    /** An account's hand-over facts from one account partition. */
    record Handover(int accountPartition, AccountHandover facts) {
    }

    static ProducerRecord<String, String> handover(String topic, int partition, int accountPartition, AccountHandover facts) {
        return new ProducerRecord<>(topic, partition, "h/" + accountPartition + "/" + facts.accountId(), HandoverJson.write(facts));
    }

    static ProducerRecord<String, String> marker(String topic, int partition, Marker m) {
        ObjectNode json = PlatformJson.mapper().createObjectNode();
        json.put("marketOffset", m.marketOffset());
        json.put("accountNext", m.accountNext());
        json.put("ruleSet", m.ruleSet());
        json.put("version", m.version());
        json.put("asOf", m.asOf().toString());
        return new ProducerRecord<>(topic, partition, "m/" + m.accountPartition(), json.toString());
    }

    /** A {@link Handover} or a {@link Marker}; anything else is a record no stage wrote. */
    static Object read(ConsumerRecord<String, String> r) {
        String key = r.key() == null ? "" : r.key();
        try {
            if (key.startsWith("m/")) {
                JsonNode json = PlatformJson.mapper().readTree(r.value());
                return new Marker(Integer.parseInt(key.substring(2)), json.get("marketOffset").asLong(),
                        json.get("accountNext").asLong(), json.get("ruleSet").asText(), json.get("version").asInt(),
                        Instant.parse(json.get("asOf").asText()));
            }
            if (key.startsWith("h/")) {
                int slash = key.indexOf('/', 2);
                return new Handover(Integer.parseInt(key.substring(2, slash)), HandoverJson.read(r.value()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable record " + key + " at " + r.topic() + "-" + r.partition() + "@"
                    + r.offset() + " of the hand-over topic: " + e.getMessage(), e);
        }
        throw new IllegalStateException("record " + key + " at " + r.topic() + "-" + r.partition() + "@" + r.offset()
                + " was not written by an account stage: the hand-over topic is the stages' own");
    }

    /** The market offset a committed account partition ticks at next, from its commit's metadata. */
    static long nextMarketOffset(String metadata) {
        if (metadata == null || !metadata.startsWith("market=")) {
            return 0;
        }
        return Long.parseLong(metadata.substring("market=".length()));
    }

    static String commitMetadata(long nextMarketOffset) {
        return "market=" + nextMarketOffset;
    }
}
