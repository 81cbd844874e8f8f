package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.live.LiveBook;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
        version = new RuleSetCompiler().compile("deleveraging", 1,
                        PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"))).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
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
            Sent sent = new Sent();
            rounds.forEach(round -> sent.round(settings, node, round));
            // a round's four market events come in one to four polls, and every poll with a move is a tick
            assertThat(node.stats().ticks()).as("ticks").isBetween(5L, 20L);
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
        List<String> lost = new ArrayList<>();
        List<String> recordedAfter = new ArrayList<>();
        TickJournal failsOnce = tick -> {
            if (lost.isEmpty() && tick.tickId().startsWith(settings.marketTopic())
                    && tick.result().actions().size() > 0 && tick.events().size() > 10) {
                lost.addAll(tick.events());
                throw new IllegalStateException("simulated crash after recording tick " + tick.tickId());
            }
            if (!lost.isEmpty()) {
                recordedAfter.addAll(tick.events());
            }
        };
        Sent sent = new Sent();
        try (StreamNode node = StreamNode.start(settings, () -> OPENING, REGISTRY, SweepOptions.DEFAULT, failsOnce)) {
            for (StreamScript.Round round : rounds.subList(0, 3)) {
                sent.round(settings, node, round);
            }
            assertThat(node.stats().rebuilds()).as("the node rebuilt its book once after the failure").isEqualTo(2);
        }
        try (StreamNode restarted = StreamNode.start(settings, () -> OPENING, REGISTRY, SweepOptions.DEFAULT, TickJournal.NONE)) {
            sent.processed = 0; // a new node counts from zero, and replays without counting
            for (StreamScript.Round round : rounds.subList(3, 6)) {
                sent.round(settings, restarted, round);
            }
        }
        assertThat(lost).as("a tick failed").isNotEmpty();
        assertThat(recordedAfter).as("the failed tick's events were decided again").containsAll(lost);
        assertDecidedAsFresh(settings, rounds);
    }

    /** Sends rounds and waits for the node to take each part, so every round is one tick over every event before it. */
    static final class Sent {
        long processed;

        void round(StreamSettings settings, StreamNode node, StreamScript.Round round) {
            round.accountEvents().forEach(e -> kafka.send(settings.accountTopic(), e.key(), e.json()));
            processed += round.accountEvents().size();
            await(() -> processedBy(node) >= processed);
            long ticks = node.stats().ticks();
            round.marketEvents().forEach(e -> kafka.send(settings.marketTopic(), e.key(), e.json()));
            processed += round.marketEvents().size();
            await(() -> processedBy(node) >= processed && node.stats().ticks() > ticks);
        }
    }

    static long processedBy(StreamNode node) {
        StreamStats s = node.stats();
        return s.applied() + s.refused() + s.duplicates() + s.malformed();
    }

    /** The topic's decisions in force equal a fresh evaluation of the book after every event of the rounds. */
    static void assertDecidedAsFresh(StreamSettings settings, List<StreamScript.Round> rounds) {
        Instant at = null;
        try (LiveBook expected = new LiveBook(OPENING, REGISTRY, SweepOptions.DEFAULT, 100_000)) {
            for (StreamScript.Round round : rounds) {
                round.accountEvents().forEach(e -> expected.apply(EventJson.account(e.json())));
                for (StreamScript.Event e : round.marketEvents()) {
                    expected.apply(EventJson.market(e.json()));
                    at = e.at();
                }
            }
            Map<String, List<String>> fresh = DecisionTopic.of(
                    new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1))).evaluate(version, expected.snapshot(at)).actions());
            assertThat(fresh).as("the stream decides something").hasSizeGreaterThan(5);
            List<ConsumerRecord<String, String>> records = kafka.readUntil(settings.decisionTopic(),
                    read -> DecisionTopic.inForce(read).equals(fresh), Duration.ofSeconds(30));
            assertThat(DecisionTopic.inForce(records)).isEqualTo(fresh);
            assertThat(DecisionTopic.duplicates(records)).isEmpty();
            assertThat(DecisionTopic.versions(records)).containsOnlyKeys(1);
        }
    }

    static void await(BooleanSupplier condition) {
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
