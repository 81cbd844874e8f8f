package com.deleverage.streaming;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a stream node reads and writes, and as whom.
 *
 * @param bootstrapServers the Kafka cluster, {@code host:port[,host:port...]}
 * @param accountTopic     account events, keyed by account
 * @param marketTopic      market events, keyed by market
 * @param decisionTopic    decisions, keyed by account (market-level actions by market)
 * @param groupId          the consumer group whose committed offsets mark what has been decided
 * @param transactionalId  the producer's transactional id: one per node, stable across its restarts, so that a
 *                         restarted node fences its former self and aborts what it left open
 * @param pollTimeout      how long one poll waits for events
 * @param eventWindow      how many of the latest event ids the book remembers to recognise a redelivery
 * @param clientProperties further Kafka client properties (security, timeouts), given to consumer and producer
 */
public record StreamSettings(String bootstrapServers, String accountTopic, String marketTopic, String decisionTopic,
                             String groupId, String transactionalId, Duration pollTimeout, int eventWindow,
                             Map<String, String> clientProperties) {
    public StreamSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(accountTopic, "accountTopic");
        Objects.requireNonNull(marketTopic, "marketTopic");
        Objects.requireNonNull(decisionTopic, "decisionTopic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        clientProperties = Map.copyOf(clientProperties == null ? Map.of() : clientProperties);
    }
}
