package com.deleverage.streaming;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends the rounds of a {@link StreamScript} to a node and waits for the node to take each part: the round's
 * account events first, then its market moves, so that every tick sees every account event sent before it.
 */
public final class StreamFeeder {
    private final EmbeddedKafka kafka;
    private final String accountTopic;
    private final String marketTopic;
    private LongSupplier position;
    private long sent;

    public StreamFeeder(EmbeddedKafka kafka, String accountTopic, String marketTopic, Supplier<StreamStats> stats) {
        this(kafka, accountTopic, marketTopic, positionOf(stats));
    }

    /**
     * @param position how far the node has read: the sum over the input partitions of its next offset (a node in
     *                 another process reports it in {@code GET /api/v1/streaming})
     */
    public StreamFeeder(EmbeddedKafka kafka, String accountTopic, String marketTopic, LongSupplier position) {
        this.kafka = kafka;
        this.accountTopic = accountTopic;
        this.marketTopic = marketTopic;
        this.position = position;
    }

    /** Feeds another node from now on (the same topics: a restarted node, or another one). */
    public void switchTo(Supplier<StreamStats> node) {
        position = positionOf(node);
    }

    private static LongSupplier positionOf(Supplier<StreamStats> node) {
        return () -> {
            StreamStats s = node.get();
            return s == null ? 0 : s.position();
        };
    }

    /**
     * Sends a round. Before its market moves, the node has read every account event (a node applies what it read
     * before it polls again); after them, it has read the moves (their tick runs before its next poll, so before
     * it reads the next round).
     */
    public void round(StreamScript.Round round) {
        round.accountEvents().forEach(e -> kafka.send(accountTopic, e.key(), e.json()));
        sent += round.accountEvents().size();
        await(() -> position() >= sent);
        round.marketEvents().forEach(e -> kafka.send(marketTopic, e.key(), e.json()));
        sent += round.marketEvents().size();
        await(() -> position() >= sent);
    }

    /** Events sent so far (the topics hold nothing else: their offsets count them). */
    public long sent() {
        return sent;
    }

    private long position() {
        return position.getAsLong();
    }

    public static void await(BooleanSupplier condition) {
        // long enough for a killed node in another process to restart and rebuild on a busy machine
        Instant until = Instant.now().plusSeconds(180);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for the stream node");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
