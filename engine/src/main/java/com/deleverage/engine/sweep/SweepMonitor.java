package com.deleverage.engine.sweep;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.EvaluationContext;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.FiringBudget;
import com.deleverage.engine.risk.AdlLights;
import com.deleverage.engine.math.AdlStanding;
import com.deleverage.engine.risk.PositionRisk;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches the resident session of a sweep across ticks. Unlike a one-shot evaluation, its state outlives a
 * firing: the actions in force (every {@link Action} fact still in the session, with the rule and matched
 * facts that decided it), the ADL lights of each market, and the facts rules inserted during the tick: those
 * stated with a plain {@code insert} live for one tick and are withdrawn before the next; those held by
 * {@code insertLogical} stay as long as their conditions hold.
 * Per tick it counts firings and stops the session at the limits.
 */
final class SweepMonitor implements RuleRuntimeEventListener {
    private final CompiledVersion version;
    private final Map<FactHandle, DecidedAction> actions = new LinkedHashMap<>();
    private final Map<String, AdlLights> lights = new HashMap<>();
    private final List<FactHandle> inserted = new ArrayList<>();
    private final FiringBudget budget;
    private String oneTickRule;
    // What rules inserted this tick (stated or logical) that will be inserted again next tick: their matches hold
    // the tick's context or another such fact. Identity, not equality: two ticks may insert equal facts.
    private final Set<Object> restatedEveryTick = Collections.newSetFromMap(new IdentityHashMap<>());

    SweepMonitor(CompiledVersion version, KieSession session) {
        this.version = version;
        this.budget = new FiringBudget(session);
    }

    void startTick(EvaluationLimits limits, long startNanos) {
        budget.start(limits, startNanos);
    }

    /**
     * Handles of the facts rules inserted since the last call. The caller deletes their stated part
     * ({@code FactHandle.State.STATED}) before the next tick, which withdraws what a plain insert stated and
     * leaves what insertLogical holds to Drools.
     */
    List<FactHandle> takeInserted() {
        List<FactHandle> out = new ArrayList<>(inserted);
        inserted.clear();
        restatedEveryTick.clear();
        return out;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() == null) {
            return; // the sweep's own facts
        }
        FactHandle handle = event.getFactHandle();
        Object fact = event.getObject();
        inserted.add(handle);
        boolean restated = matchIsRestatedEveryTick();
        if (restated) {
            restatedEveryTick.add(fact);
        } else if (oneTickRule == null && stated(handle)) {
            oneTickRule = event.getRule().getName();
        }
        if (fact instanceof Action action) {
            String rule = event.getRule().getName();
            actions.put(handle, new DecidedAction(action, rule, version.fileOf(rule), budget.matchedFacts()));
        } else if (fact instanceof AdlLights market) {
            lights.put(market.getSymbol(), market);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Actions are immutable records; the lights of a market are replaced, never changed.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        FactHandle handle = event.getFactHandle();
        if (actions.remove(handle) != null) {
            return;
        }
        if (event.getOldObject() instanceof AdlLights market) {
            lights.remove(market.getSymbol(), market);
        }
    }

    /**
     * The first rule that stated a fact with a plain {@code insert} from a match holding neither the tick's
     * {@link EvaluationContext} nor a fact so stated this tick, or null. The sweep withdraws such a fact before the
     * next tick, and the rule fires again only if a fact it matched changes: a tick that moves another market would
     * lose the fact, and what follows from it, although a fresh evaluation decides it. A sweep of such a policy is
     * right only when every tick is evaluated afresh.
     */
    String oneTickRule() {
        return oneTickRule;
    }

    private static boolean stated(FactHandle handle) {
        EqualityKey key = handle instanceof InternalFactHandle internal ? internal.getEqualityKey() : null;
        return key == null || key.getStatus() == EqualityKey.STATED;
    }

    /**
     * Whether the firing rule's match holds the tick's context (replaced every tick) or a fact stated again every
     * tick: then the rule fires again on every tick.
     */
    private boolean matchIsRestatedEveryTick() {
        for (Object fact : budget.matchedFacts()) {
            if (fact instanceof EvaluationContext || restatedEveryTick.contains(fact)) {
                return true;
            }
        }
        return false;
    }

    /** The position's ADL standing in its market's lights in force, or null when the policy shows none. */
    AdlStanding standing(PositionRisk position) {
        AdlLights market = lights.get(position.symbol());
        return market == null ? null : market.standing(position.accountId());
    }

    List<DecidedAction> actions() {
        return new ArrayList<>(actions.values());
    }

    int actionCount() {
        return actions.size();
    }

    EvaluationFailedException.Reason limitHit() {
        return budget.limitHit();
    }

    String firingRule() {
        return budget.firingRule();
    }

    int firings() {
        return budget.firings();
    }

    Map<String, Integer> firingsByRule() {
        return budget.firingsByRule();
    }

    /** The session's agenda listener: counts firings and enforces the limits. */
    FiringBudget budget() {
        return budget;
    }
}
