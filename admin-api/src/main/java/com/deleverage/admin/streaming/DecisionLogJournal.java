package com.deleverage.admin.streaming;

import com.deleverage.admin.decision.DecisionLogWriter;
import com.deleverage.admin.decision.DecisionRecord;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.streaming.StreamTick;
import com.deleverage.streaming.TickJournal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Records every tick of the stream node in the decision log, before its decisions are published: one row per tick,
 * caller {@code stream}, its tick id as the idempotency key (a tick decided again after a crash is recorded once),
 * the published decisions as the response, their actions, the accounts they name, and the hash of the tick's events
 * (the events themselves stay in Kafka: a stream row is not replayable from the log).
 */
@Singleton
@Requires(property = "deleveraging.streaming.enabled", value = "true")
public class DecisionLogJournal implements TickJournal {
    static final String CALLER = "stream";

    private final DecisionLogWriter writer;
    private final Clock clock;

    public DecisionLogJournal(DecisionLogWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void record(StreamTick tick) {
        var result = tick.result();
        ObjectNode response = PlatformJson.mapper().createObjectNode();
        String decisionId = UUID.nameUUIDFromBytes((CALLER + "/" + tick.tickId()).getBytes(StandardCharsets.UTF_8)).toString();
        response.put("decisionId", decisionId);
        response.put("tickId", tick.tickId());
        response.put("ruleSet", result.ruleSet());
        response.put("version", result.version());
        response.put("versionHash", result.versionHash());
        response.put("asOf", result.asOf().toString());
        ArrayNode decisions = response.putArray("decisions");
        ArrayNode actions = PlatformJson.mapper().createArrayNode();
        Set<String> accounts = new LinkedHashSet<>();
        for (String text : tick.decisions()) {
            JsonNode decision = parse(text);
            decisions.add(decision);
            decision.get("actions").forEach(actions::add);
            if (decision.hasNonNull("account")) {
                accounts.add(decision.get("account").asText());
            }
        }
        ArrayNode fired = PlatformJson.mapper().createArrayNode();
        result.firingsByRule().forEach((rule, count) -> fired.addObject().put("rule", rule).put("count", count));
        writer.write(new DecisionRecord(decisionId, result.ruleSet(), result.version(), result.versionHash(),
                tick.eventsHash(), CALLER, tick.tickId(), result.asOf(), clock.instant(), null, response.toString(),
                actions.toString(), fired.toString(), result.ruleFirings(), result.elapsed().toNanos() / 1000,
                new ArrayList<>(accounts)));
    }

    private static JsonNode parse(String text) {
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision of the stream node does not parse", e);
        }
    }
}
