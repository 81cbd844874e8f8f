package com.deleverage.streaming;

import java.util.Objects;

/**
 * Where the nodes of a staged deployment read and write: the single node's topics, plus the internal topic on which
 * the account stage hands its results to the market stage. The node's group id and transactional id are prefixes:
 * the account stage's group is {@code groupId-accounts} and its producer {@code transactionalId-accounts}, the market
 * stage's {@code groupId-markets} and {@code transactionalId-markets}.
 *
 * @param handoverTopic the account stage's hand-over facts and tick markers, one copy on every partition; its
 *                      partition count is the number of market-stage partitions (markets are spread over them by
 *                      Kafka's partitioner)
 */
public record StagedSettings(StreamSettings stream, String handoverTopic) {
    public StagedSettings {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(handoverTopic, "handoverTopic");
    }

    String accountGroup() {
        return stream.groupId() + "-accounts";
    }

    String marketGroup() {
        return stream.groupId() + "-markets";
    }

    String accountStageId() {
        return stream.transactionalId() + "-accounts";
    }

    String marketStageId() {
        return stream.transactionalId() + "-markets";
    }
}
