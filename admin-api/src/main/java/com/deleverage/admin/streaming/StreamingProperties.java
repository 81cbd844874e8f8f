package com.deleverage.admin.streaming;

import com.deleverage.admin.config.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code deleveraging.streaming.*}, checked at start (defaults: application.yml; every key: docs/operations.md;
 * the topics and their JSON: docs/streaming.md).
 *
 * @param enabled          run a stream node in this platform (off by default: the platform then needs no Kafka)
 * @param bootstrapServers the Kafka cluster; required when enabled
 * @param openingBook      a snapshot JSON file (the evaluation request's shape) with the markets, their risk tiers,
 *                         insurance funds and the accounts the topics' events apply to; required when enabled
 * @param accountTopic     account events, keyed by account
 * @param marketTopic      market events, keyed by market
 * @param decisionTopic    decisions, keyed by account (market-wide actions by market)
 * @param groupId          the consumer group whose committed offsets mark what has been decided
 * @param transactionalId  this node's transactional id, stable across its restarts and different on every node
 * @param pollTimeout      how long one poll waits for events
 * @param eventWindow      how many of the latest event ids are remembered to recognise a redelivered event
 * @param mode             {@code single}: this node decides the whole book; {@code staged}: it runs an account stage
 *                         and a market stage, and shares the account and hand-over partitions with the other staged
 *                         nodes of its group (docs/streaming.md, "Several nodes")
 * @param handoverTopic    staged mode: the internal topic from the account stage to the market stage
 *
 * <p>Further Kafka client properties (security protocol, SASL, timeouts) are the keys under
 * {@code deleveraging.streaming.client.}, read by {@link StreamingNode#clientProperties}.
 */
@Context
@ConfigurationProperties("deleveraging.streaming")
public record StreamingProperties(boolean enabled, @Nullable String bootstrapServers, @Nullable String openingBook,
                                  @NotBlank String accountTopic, @NotBlank String marketTopic,
                                  @NotBlank String decisionTopic, @NotBlank String groupId,
                                  @NotBlank String transactionalId, @NotNull @PositiveDuration Duration pollTimeout,
                                  @Min(1) int eventWindow, @NotNull Mode mode, @NotBlank String handoverTopic) {
    /** How a node divides the work with the others. */
    public enum Mode { SINGLE, STAGED }
}
