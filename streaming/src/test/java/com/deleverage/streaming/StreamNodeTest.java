package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events in on a real broker, decisions out on it: the decisions in force on the topic are what a fresh evaluation
 * of the same book decides, through a failure between recording and publishing a tick and a restart of the node,
 * with no decision published twice.
 */
class StreamNodeTest {
    static EmbeddedKafka kafka;
    static final ActiveVersions REGISTRY = new ActiveVersions();
    static CompiledVersion version;
    static final Snapshot OPENING = SweepBooks.book(200, 7);

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        version = ReferencePolicy.compile();
        REGISTRY.activate(version);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    static StreamSettings settings(String prefix) {
        return new StreamSettings(kafka.bootstrapServers(), prefix + "-accounts", prefix + "-markets", prefix + "-decisions",
                prefix + "-group", prefix + "-node-1", Duration.ofMillis(50), 100_000, Map.of());
    }

    @Test
    void decisionsOnTheTopicAreWhatAFreshEvaluationOfTheSameBookDecides() {
        StreamSettings settings = settings("plain");
        kafka.createTopics(3, settings.accountTopic(), settings.marketTopic(), settings.decisionTopic());
        List<StreamScript.Round> rounds = StreamScript.rounds(OPENING, 1, 5, 40);
        try (StreamNode node = StreamNode.start(settings, () -> OPENING, REGISTRY, SweepOptions.DEFAULT, TickJournal.NONE)) {
            StreamFeeder feeder = new StreamFeeder(kafka, settings.accountTopic(), settings.marketTopic(), node::stats);
            rounds.forEach(feeder::round);
            // a round's four market events come in one to four polls, and every poll with a move is a tick; the
            // last round's may still be running, the four before it are done
            assertThat(node.stats().ticks()).as("ticks").isBetween(4L, 20L);
            assertThat(node.stats().refused()).as("some events refused, as a venue would").isPositive();
            assertThat(node.stats().malformed()).isZero();
        }
        assertDecidedAsFresh(settings, rounds);
    }

    @Test
    void aTickLostBetweenItsRecordAndItsPublicationIsDecidedAgainOnceAndARestartedNodeGoesOn() {
        StreamSettings settings = settings("crash");
        kafka.createTopics(3, settings.accountTopic(), settings.marketTopic(), settings.decisionTopic());
        List<StreamScript.Round> rounds = StreamScript.rounds(OPENING, 2, 6, 40);
        StreamFeeder feeder;
        AtomicLong lost = new AtomicLong();
        AtomicLong recordedAfter = new AtomicLong();
        TickJournal failsOnce = tick -> {
            if (lost.get() == 0 && tick.result().actions().size() > 0 && tick.eventCount() > 10) {
                lost.set(tick.eventCount());
                throw new IllegalStateException("simulated crash after recording tick " + tick.tickId());
            }
            if (lost.get() > 0) {
                recordedAfter.addAndGet(tick.eventCount());
            }
        };
        try (StreamNode node = StreamNode.start(settings, () -> OPENING, REGISTRY, SweepOptions.DEFAULT, failsOnce)) {
            feeder = new StreamFeeder(kafka, settings.accountTopic(), settings.marketTopic(), node::stats);
            rounds.subList(0, 3).forEach(feeder::round);
            assertThat(node.stats().rebuilds()).as("the node rebuilt its book once after the failure").isEqualTo(2);
        }
        try (StreamNode restarted = StreamNode.start(settings, () -> OPENING, REGISTRY, SweepOptions.DEFAULT, TickJournal.NONE)) {
            feeder.switchTo(restarted::stats);
            rounds.subList(3, 6).forEach(feeder::round);
        }
        assertThat(lost.get()).as("a tick failed").isPositive();
        // the failed tick's events were read again and decided again, with the rounds after it
        assertThat(recordedAfter.get()).as("events of the ticks recorded after the failure").isGreaterThanOrEqualTo(lost.get());
        assertDecidedAsFresh(settings, rounds);
    }

    /** The topic's decisions in force equal a fresh evaluation of the book after every event of the rounds. */
    static void assertDecidedAsFresh(StreamSettings settings, List<StreamScript.Round> rounds) {
        Map<String, List<String>> fresh = DecisionTopic.of(new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)))
                .evaluate(version, StreamScript.bookAfter(OPENING, rounds)).actions());
        assertThat(fresh).as("the stream decides something").hasSizeGreaterThan(5);
        List<ConsumerRecord<String, String>> records = kafka.readUntil(settings.decisionTopic(),
                read -> DecisionTopic.inForce(read).equals(fresh), Duration.ofSeconds(30));
        assertThat(DecisionTopic.inForce(records)).isEqualTo(fresh);
        assertThat(DecisionTopic.duplicates(records)).isEmpty();
        assertThat(DecisionTopic.versions(records)).containsOnlyKeys(1);
    }
}
