package com.deleverage.admin.evaluation;

import com.deleverage.admin.decision.DecisionLogProperties;
import com.deleverage.admin.decision.DecisionLogRepository;
import com.deleverage.admin.decision.DecisionLogWriter;
import com.deleverage.admin.decision.DecisionRecord;
import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.refusal.IdempotencyKey;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.Unavailable;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.shadow.ShadowService;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates a snapshot with the active version of its rule set and logs the decision before answering.
 * The body is read by the engine's strict snapshot reader, so the API and scenario files reject the same
 * inputs with the same field paths.
 *
 * <p>Idempotency-Key: the key is bound to the caller and to the hash of the canonical input. A repeated
 * key with the same input returns the stored response (same decisionId); with another input it is
 * refused with 422. Two requests with the same key at once on this node are folded into one evaluation;
 * across nodes the log's unique (caller, key) constraint decides, and the loser returns the winner's
 * decision.
 */
@Singleton
public class EvaluationService {

    private final ActiveVersions activeVersions;
    private final Evaluator evaluator;
    private final DecisionLogWriter writer;
    private final DecisionLogRepository decisions;
    private final ShadowService shadow;
    private final PlatformMetrics metrics;
    private final DecisionLimits limits;
    private final Clock clock;
    private final String defaultRuleSet;
    private final boolean storeInput;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

    private record InFlight(String inputHash, CompletableFuture<ObjectNode> response) {
    }

    /** A response and whether it is a stored one returned for a repeated Idempotency-Key. */
    public record Result(ObjectNode response, String json, boolean replayed) {
        Result(ObjectNode response, boolean replayed) {
            this(response, response.toString(), replayed);
        }
    }

    /** A fresh decision and its JSON text, serialized once for both the log and the HTTP body. */
    private record Decided(ObjectNode response, String json) {
    }

    public EvaluationService(ActiveVersions activeVersions, Evaluator evaluator, DecisionLogWriter writer,
                             DecisionLogRepository decisions, ShadowService shadow, PlatformMetrics metrics,
                             DecisionLimits limits, Clock clock, EvaluationProperties evaluation,
                             DecisionLogProperties decisionLog) {
        this.activeVersions = activeVersions;
        this.evaluator = evaluator;
        this.writer = writer;
        this.decisions = decisions;
        this.shadow = shadow;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
        this.defaultRuleSet = evaluation.defaultRuleSet();
        this.storeInput = decisionLog.storeInput();
    }

    /** An evaluation without Idempotency-Key: the decision, logged. */
    public ObjectNode evaluate(SnapshotRequest request, String caller) {
        return evaluate(request, caller, null).response();
    }

    /**
     * @param idempotencyKey the caller's Idempotency-Key header, or null
     * @throws InvalidSnapshotException the snapshot breaks an input rule
     * @throws EvaluationFailedException the policy failed or the rule set has no active version
     * @throws InvalidInput for a malformed key
     * @throws Unprocessable for a key reused with another input
     */
    public Result evaluate(SnapshotRequest request, String caller, String idempotencyKey) {
        IdempotencyKey.checked(idempotencyKey);
        Snapshot snapshot = request.snapshot();
        String ruleSet = snapshot.ruleSet() == null ? defaultRuleSet : snapshot.ruleSet();
        String inputHash = CanonicalInput.hash(withRuleSet(snapshot, ruleSet));
        return idempotencyKey == null
                ? fresh(decide(snapshot, ruleSet, inputHash, request.json(), caller, null))
                : once(snapshot, ruleSet, inputHash, request.json(), caller, idempotencyKey);
    }

    private Result once(Snapshot snapshot, String ruleSet, String inputHash, String body, String caller, String key) {
        Optional<DecisionRecord> stored = decisions.findByIdempotencyKey(caller, key);
        if (stored.isPresent()) {
            return storedResult(stored.get(), inputHash, key);
        }
        String slot = caller + '\u0000' + key;
        InFlight mine = new InFlight(inputHash, new CompletableFuture<>());
        InFlight running = inFlight.putIfAbsent(slot, mine);
        if (running != null) {
            ObjectNode response = await(running.response());
            if (!running.inputHash().equals(inputHash)) {
                throw reusedKey(key);
            }
            return new Result(response, true);
        }
        try {
            Decided decided = decide(snapshot, ruleSet, inputHash, body, caller, key);
            mine.response().complete(decided.response());
            return fresh(decided);
        } catch (DuplicateKey e) {
            Result result = storedResult(decisions.findByIdempotencyKey(caller, key).orElseThrow(), inputHash, key);
            mine.response().complete(result.response());
            return result;
        } catch (RuntimeException e) {
            mine.response().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(slot, mine);
        }
    }

    private static Result fresh(Decided decided) {
        return new Result(decided.response(), decided.json(), false);
    }

    private Decided decide(Snapshot snapshot, String ruleSet, String inputHash, String body, String caller,
                              String key) {
        Decision decision = activeVersions.evaluate(evaluator, ruleSet, snapshot);
        String decisionId = UUID.randomUUID().toString();
        Instant evaluatedAt = clock.instant();
        ObjectNode response = DecisionResponse.of(decisionId, decision, evaluatedAt);
        String json = response.toString();
        limits.check(response, json, decision.ruleSet(), decision.version());
        DecisionRecord record = new DecisionRecord(decisionId, decision.ruleSet(), decision.version(),
                decision.versionHash(), inputHash, caller, key, decision.asOf(), evaluatedAt,
                storeInput ? body : null, json, response.get("actions").toString(),
                response.get("firedRules").toString(), decision.ruleFirings(),
                decision.elapsed().toNanos() / 1000, snapshot.accounts().stream().map(Account::id).toList());
        if (writer.write(record) == DecisionLogWriter.Outcome.DUPLICATE_KEY) {
            throw new DuplicateKey();
        }
        metrics.decided(decision);
        shadow.offer(ruleSet, snapshot, decision, decisionId);
        return new Decided(response, json);
    }

    private static Result storedResult(DecisionRecord stored, String inputHash, String key) {
        if (!stored.inputHash().equals(inputHash)) {
            throw reusedKey(key);
        }
        try {
            return new Result((ObjectNode) PlatformJson.mapper().readTree(stored.response()), stored.response(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response of " + stored.decisionId() + " does not parse", e);
        }
    }

    private static ObjectNode await(CompletableFuture<ObjectNode> response) {
        try {
            return response.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new Unavailable("a request with the same Idempotency-Key is still being evaluated; retry shortly");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Unprocessable reusedKey(String key) {
        return new Unprocessable("Idempotency-Key '" + key + "' was already used for a different "
                + "snapshot; a key names one request: use a new key for a new snapshot");
    }

    private static Snapshot withRuleSet(Snapshot snapshot, String ruleSet) {
        return new Snapshot(ruleSet, snapshot.asOf(), snapshot.markets(), snapshot.insuranceFunds(),
                snapshot.accounts());
    }

    /** The log already holds this caller's key: another request won the race. */
    private static final class DuplicateKey extends RuntimeException {
        DuplicateKey() {
            super(null, null, false, false);
        }
    }
}
