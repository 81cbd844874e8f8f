package com.deleverage.streaming;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sends the rounds of a {@link StreamScript} to a node and waits for the node to take each part: the round's
 * account events first, then its market moves, so that every tick sees every account event sent before it.
 */
public final class StreamFeeder {
    private final EmbeddedKafka kafka;
    private final String accountTopic;
    private final String marketTopic;
    private Supplier<StreamStats> stats;
    private long sent;

    public StreamFeeder(EmbeddedKafka kafka, String accountTopic, String marketTopic, Supplier<StreamStats> stats) {
        this.kafka = kafka;
        this.accountTopic = accountTopic;
        this.marketTopic = marketTopic;
        this.stats = stats;
    }

    /** Feeds another node from now on (the same topics: a restarted node, or another one). */
    public void switchTo(Supplier<StreamStats> node) {
        stats = node;
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
        StreamStats s = stats.get();
        return s == null ? 0 : s.position();
    }

    public static void await(BooleanSupplier condition) {
        Instant until = Instant.now().plusSeconds(60);
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
