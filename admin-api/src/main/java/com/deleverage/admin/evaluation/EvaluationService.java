package com.deleverage.admin.evaluation;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates a snapshot with the active version of its rule set and logs the decision. The body is read
 * by the engine's strict snapshot reader, so the API and scenario files reject the same inputs with the
 * same field paths.
 */
@Singleton
public class EvaluationService {
    private final SnapshotJson snapshotJson = SnapshotJson.json();
    private final ActiveVersions activeVersions;
    private final Evaluator evaluator;
    private final DecisionLog decisionLog;
    private final Clock clock;
    private final String defaultRuleSet;

    public EvaluationService(ActiveVersions activeVersions, Evaluator evaluator, DecisionLog decisionLog, Clock clock,
                             @Value("${deleveraging.evaluation.default-rule-set:deleveraging}") String defaultRuleSet) {
        this.activeVersions = activeVersions;
        this.evaluator = evaluator;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.defaultRuleSet = defaultRuleSet;
    }

    /**
     * @throws InvalidSnapshotException the body is not a valid snapshot
     * @throws com.deleverage.engine.evaluate.EvaluationFailedException the policy failed or the rule set has no active version
     */
    public ObjectNode evaluate(String body, String caller) {
        Snapshot snapshot = snapshotJson.read(body);
        if (snapshot == null) {
            throw new InvalidSnapshotException(List.of(new InputProblem("", "the body is JSON null; send a snapshot object")));
        }
        String ruleSet = snapshot.ruleSet() == null ? defaultRuleSet : snapshot.ruleSet();
        Decision decision = activeVersions.evaluate(evaluator, ruleSet, snapshot);
        String decisionId = UUID.randomUUID().toString();
        Instant evaluatedAt = clock.instant();
        ObjectNode response = DecisionResponse.of(decisionId, decision, evaluatedAt);
        decisionLog.record(decisionId, evaluatedAt, decision, response.toString(), body, caller);
        return response;
    }
}
