package com.deleverage.admin.margin;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.evaluation.EvaluationService;
import com.deleverage.admin.evaluation.SnapshotRequest;
import com.deleverage.admin.executor.BackgroundParallelism;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.engine.hash.Sha256;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.solvency.margin.DecisionFacts;
import com.deleverage.solvency.margin.MarginEpoch;
import com.deleverage.solvency.margin.MarginEpochBuilder;
import com.deleverage.solvency.margin.MarginNotProvable;
import com.deleverage.solvency.margin.MarginRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a margin epoch: the snapshot is evaluated by the active version like any trading system's (the decision
 * is logged and sealed under its id), every pool is proven against the version's liquidation ratio outside any
 * transaction (seconds to minutes of CPU), then the epoch's files, its audit row and its holders' openings commit
 * together or not at all.
 */
@Singleton
public class MarginPublisher {
    private final EvaluationService evaluations;
    private final VersionMarginRule rules;
    private final TransactionOperations<Connection> transactions;
    private final MarginRepository repository;
    private final AuditLog auditLog;
    private final Clock clock;
    private final BackgroundParallelism parallelism;
    private final MarginEpochBuilder builder = new MarginEpochBuilder(new SecureRandom());

    MarginPublisher(EvaluationService evaluations, VersionMarginRule rules,
                    TransactionOperations<Connection> transactions, MarginRepository repository, AuditLog auditLog,
                    Clock clock, BackgroundParallelism parallelism) {
        this.evaluations = evaluations;
        this.rules = rules;
        this.transactions = transactions;
        this.repository = repository;
        this.auditLog = auditLog;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * @throws Unprocessable the decision does not do what the version's rule requires, or a figure does not fit
     */
    public MarginEpochView publish(SnapshotRequest request, String actor) {
        Snapshot snapshot = request.snapshot();
        DecisionFacts decision = facts(evaluations.evaluate(request, actor));
        MarginEpoch epoch;
        try {
            MarginRule rule = rules.of(decision.ruleSet(), decision.version());
            epoch = parallelism.run(() -> builder.build(snapshot, decision, rule));
        } catch (MarginNotProvable e) {
            throw new Unprocessable("no margin epoch can be proven for decision " + decision.decisionId() + ": "
                    + e.getMessage());
        }
        Map<String, String> openings = new LinkedHashMap<>();
        epoch.openings().forEach((id, opening) -> openings.put(id, json(opening)));
        MarginRepository.Files files = new MarginRepository.Files(new String(epoch.epochJson(), StandardCharsets.UTF_8),
                new String(epoch.poolsJsonl(), StandardCharsets.UTF_8));
        MarginEpochView draft = new MarginEpochView(0, epoch.digest(), snapshot.asOf(), decision.ruleSet(),
                decision.version(), decision.decisionId(), snapshot.accounts().size(), epoch.pools(), epoch.linked(),
                actor, clock.instant());
        return transactions.executeWrite(status -> {
            long number = repository.insert(draft, files);
            MarginEpochView stored = repository.find(number).orElseThrow();
            auditLog.append(new AuditEvent(actor, AuditAction.MARGIN_EPOCH_PUBLISHED, null, Math.toIntExact(number),
                    Sha256.PREFIX + stored.digest(), "margin epoch " + number + " as of " + stored.asOf() + ": "
                    + stored.pools() + " pools of " + stored.accountCount() + " accounts against decision "
                    + stored.decisionId() + " of " + stored.ruleSet() + " v" + stored.version() + ", "
                    + stored.linked() + " pools acted on"));
            repository.insertOpenings(number, openings);
            return stored;
        });
    }

    /** The decision's id, version and whom each action was about, from the logged response (docs/api.md). */
    private static DecisionFacts facts(ObjectNode response) {
        List<DecisionFacts.ActedOn> actions = new ArrayList<>();
        for (JsonNode action : response.path("actions")) {
            actions.add(new DecisionFacts.ActedOn(action.path("type").asText(), text(action, "account"),
                    text(action, "symbol")));
        }
        return new DecisionFacts(response.get("decisionId").asText(), response.get("ruleSet").asText(),
                response.get("version").asInt(), response.get("versionHash").asText(), actions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String json(Object value) {
        try {
            return PlatformJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an opening always serialises", e);
        }
    }
}
