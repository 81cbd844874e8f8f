package com.deleverage.engine.evaluate;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.compile.CompiledVersion;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches one session's firing: counts firings per rule, attributes every inserted {@link Action} to
 * the rule that inserted it and the facts that rule matched (forgetting actions a later rule deletes),
 * and halts the session when the evaluation's limits are exceeded.
 */
final class FiringMonitor implements RuleRuntimeEventListener {
    private final CompiledVersion version;
    private final FiringBudget budget;
    private final Map<FactHandle, DecidedAction> actions = new LinkedHashMap<>();

    FiringMonitor(CompiledVersion version, KieSession session, EvaluationLimits limits, long startNanos) {
        this.version = version;
        this.budget = new FiringBudget(session);
        budget.start(limits, startNanos);
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Action action) {
            String rule = event.getRule() == null ? null : event.getRule().getName();
            actions.put(event.getFactHandle(), new DecidedAction(action, rule, rule == null ? null : version.fileOf(rule),
                    rule == null ? List.of() : budget.matchedFacts()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Actions are immutable records; an update cannot change one.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        actions.remove(event.getFactHandle());
    }

    /** Whether a limit stopped the session, and which; null when firing ended on its own. */
    EvaluationFailedException.Reason limitHit() {
        return budget.limitHit();
    }

    String firingRule() {
        return budget.firingRule();
    }

    int firings() {
        return budget.firings();
    }

    List<DecidedAction> actions() {
        return new ArrayList<>(actions.values());
    }

    List<FiredRule> firedRules() {
        List<FiredRule> fired = new ArrayList<>();
        budget.firingsByRule().forEach((rule, count) -> fired.add(new FiredRule(rule, version.fileOf(rule), count)));
        return fired;
    }

    /** The session's agenda listener: counts firings and enforces the limits. */
    FiringBudget budget() {
        return budget;
    }
}
