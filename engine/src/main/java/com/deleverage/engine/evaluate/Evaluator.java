package com.deleverage.engine.evaluate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.AdlStanding;
import com.deleverage.engine.risk.Assessment;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotValidator;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one snapshot with one compiled version: validates the snapshot, assesses every account and
 * position, inserts the facts into a fresh session of the version's knowledge base, fires the policy
 * within the limits, and collects the decision. Thread-safe; one instance serves any number of threads.
 */
public final class Evaluator {
    private final RiskAssessor assessor = new RiskAssessor();
    private final SnapshotValidator validator = new SnapshotValidator();
    private final EvaluationLimits limits;

    public Evaluator() {
        this(EvaluationLimits.DEFAULT);
    }

    public Evaluator(EvaluationLimits limits) {
        this.limits = limits;
    }

    public EvaluationLimits limits() {
        return limits;
    }

    /**
     * @throws InvalidSnapshotException  when the snapshot breaks the input rules (nothing was evaluated)
     * @throws EvaluationFailedException when the policy loops, runs out of time or a rule throws
     */
    public Decision evaluate(CompiledVersion version, Snapshot snapshot) {
        validator.requireValid(snapshot);
        long start = System.nanoTime();
        Assessment assessment = assessor.assess(snapshot);
        KieSession session = version.kieBase().newKieSession();
        try {
            FiringMonitor monitor = new FiringMonitor(version, session, limits, start);
            session.addEventListener(monitor.budget());
            session.addEventListener(monitor);
            session.insert(new EvaluationContext(version.ruleSet(), version.version(), snapshot.asOf()));
            snapshot.markets().forEach(session::insert);
            snapshot.insuranceFunds().forEach(session::insert);
            assessment.accounts().forEach(session::insert);
            assessment.positions().forEach(session::insert);
            fire(session, monitor);
            Map<String, AdlStanding> standings = new HashMap<>();
            for (Object fact : session.getObjects(o -> o instanceof AdlStanding)) {
                AdlStanding s = (AdlStanding) fact;
                standings.put(key(s.accountId(), s.symbol()), s);
            }
            return new Decision(version.ruleSet(), version.version(), version.hash(), snapshot.asOf(),
                    results(assessment, standings), monitor.actions(), monitor.firedRules(), monitor.firings(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            session.dispose();
        }
    }

    private void fire(KieSession session, FiringMonitor monitor) {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            String rule = monitor.firingRule();
            throw new EvaluationFailedException(EvaluationFailedException.Reason.RULE_ERROR, rule,
                    "rule \"" + rule + "\" failed: " + rootMessage(e), e);
        }
        EvaluationFailedException.Reason hit = monitor.limitHit();
        if (hit == EvaluationFailedException.Reason.RULE_FIRING_LIMIT) {
            throw new EvaluationFailedException(hit, monitor.firingRule(), "the policy fired "
                    + monitor.firings() + " rules, the limit of one evaluation; last fired: \"" + monitor.firingRule()
                    + "\". A rule that changes facts its own conditions match re-triggers itself forever.", null);
        }
        if (hit == EvaluationFailedException.Reason.TIME_LIMIT) {
            throw new EvaluationFailedException(hit, monitor.firingRule(), "the evaluation exceeded its time limit of "
                    + limits.timeout().toMillis() + " ms after " + monitor.firings() + " rule firings; last fired: \""
                    + monitor.firingRule() + "\"", null);
        }
    }

    private static List<AccountResult> results(Assessment assessment, Map<String, AdlStanding> standings) {
        Map<String, List<PositionResult>> positionsByAccount = new LinkedHashMap<>();
        for (PositionRisk p : assessment.positions()) {
            positionsByAccount.computeIfAbsent(p.accountId(), a -> new ArrayList<>())
                    .add(new PositionResult(p, standings.get(key(p.accountId(), p.symbol()))));
        }
        List<AccountResult> results = new ArrayList<>(assessment.accounts().size());
        for (AccountRisk a : assessment.accounts()) {
            results.add(new AccountResult(a, positionsByAccount.getOrDefault(a.accountId(), List.of())));
        }
        return results;
    }

    private static String key(String account, String symbol) {
        return account + "\u0000" + symbol;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
