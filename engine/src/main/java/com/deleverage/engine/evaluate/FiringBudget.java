package com.deleverage.engine.evaluate;

import com.deleverage.engine.sandbox.Meter;
import com.deleverage.engine.sandbox.Sandbox;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The firing side of one evaluation (or one sweep tick): counts firings per rule, remembers which rule
 * is firing and the facts it matched, and halts the session when the firing limit or the deadline is
 * passed. Register it as the session's agenda listener.
 */
public final class FiringBudget extends DefaultAgendaEventListener {
    private final KieSession session;
    private final Map<String, int[]> firingsByRule = new LinkedHashMap<>();
    private int maxFirings;
    private long deadlineNanos;
    private int firings;
    private String firingRule;
    private Match firingMatch; // its facts are read only when an action asks (most firings insert none)
    private EvaluationFailedException.Reason limitHit;
    private Meter meter;

    public FiringBudget(KieSession session) {
        this.session = session;
    }

    /** Starts a new budget: counts from zero, deadline {@code limits.timeout()} after {@code startNanos}. */
    public void start(EvaluationLimits limits, long startNanos) {
        maxFirings = limits.maxRuleFirings();
        deadlineNanos = startNanos + limits.timeout().toNanos();
        meter = Sandbox.meter(limits.sandbox(), startNanos, limits.timeout());
        firingsByRule.clear();
        firings = 0;
        firingRule = null;
        firingMatch = null;
        limitHit = null;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firingMatch = event.getMatch();
        firingRule = firingMatch.getRule().getName();
        meter.refill();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings++;
        firingsByRule.computeIfAbsent(firingRule, r -> new int[1])[0]++;
        if (limitHit != null) {
            return;
        }
        if (firings >= maxFirings) {
            limitHit = EvaluationFailedException.Reason.RULE_FIRING_LIMIT;
            session.halt();
        } else if ((firings & 0xFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
            // The clock is read every 256 firings: cheap on sweeps of millions, precise enough for a deadline.
            limitHit = EvaluationFailedException.Reason.TIME_LIMIT;
            session.halt();
        }
    }

    /** What policy code spends against in this budget: run inserts and firing under it ({@link Sandbox#run}). */
    public Meter meter() {
        return meter;
    }

    /** Which limit stopped the session, or null when firing ended on its own. */
    public EvaluationFailedException.Reason limitHit() {
        return limitHit;
    }

    /** The rule firing now, or the last one that fired. */
    public String firingRule() {
        return firingRule;
    }

    /** The facts the firing rule matched (may hold nulls for patterns under 'not'). */
    public List<Object> matchedFacts() {
        return firingMatch == null ? List.of() : firingMatch.getObjects();
    }

    public int firings() {
        return firings;
    }

    /** Firings per rule, in the order rules first fired. */
    public Map<String, Integer> firingsByRule() {
        Map<String, Integer> out = new LinkedHashMap<>();
        firingsByRule.forEach((rule, count) -> out.put(rule, count[0]));
        return out;
    }
}
