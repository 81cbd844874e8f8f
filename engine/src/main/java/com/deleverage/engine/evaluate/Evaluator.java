package com.deleverage.engine.evaluate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.AdlLights;
import com.deleverage.engine.risk.Assessment;
import com.deleverage.engine.risk.MarketBook;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;
import com.deleverage.engine.sandbox.PolicyLimitError;
import com.deleverage.engine.sandbox.Sandbox;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotValidator;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates one snapshot with one compiled version: validates the snapshot, assesses every account and
 * position, inserts the facts into a fresh session of the version's knowledge base (a {@link MarketBook} per
 * market, and the accounts the version watches with their positions), fires the policy within the limits,
 * and collects the decision. Thread-safe; one instance serves any number of threads.
 */
public final class Evaluator {
    private final RiskAssessor assessor = new RiskAssessor();
    private final SnapshotValidator validator = new SnapshotValidator();
    private final EvaluationLimits limits;
    private final boolean honoursAccountWatch;

    public Evaluator() {
        this(EvaluationLimits.DEFAULT);
    }

    public Evaluator(EvaluationLimits limits) {
        this(limits, true);
    }

    private Evaluator(EvaluationLimits limits, boolean honoursAccountWatch) {
        this.limits = limits;
        this.honoursAccountWatch = honoursAccountWatch;
    }

    /**
     * An evaluator with the same limits that inserts every account, whatever {@code AccountWatch} the version
     * states: what the validator compares a watched version's decisions with.
     */
    public Evaluator insertingEveryAccount() {
        return new Evaluator(limits, false);
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
        return inSession(version, start, (session, monitor) -> {
            // Inserting facts evaluates conditions, firing runs actions: both are policy code, so both run metered.
            Sandbox.run(monitor.budget().meter(), () -> insertAndFire(version, snapshot, assessment, session, monitor));
            DeficitConservation.require(monitor.actions(), positionsOf(assessment));
            Map<String, AdlLights> lights = new HashMap<>();
            for (Object fact : session.getObjects(o -> o instanceof AdlLights)) {
                AdlLights l = (AdlLights) fact;
                lights.put(l.getSymbol(), l);
            }
            return new Decision(version.ruleSet(), version.version(), version.hash(), snapshot.asOf(),
                    results(assessment, lights), monitor.actions(), monitor.firedRules(), monitor.firings(),
                    Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /**
     * Evaluates facts the caller assessed: inserts an {@link EvaluationContext} at {@code asOf} and the facts
     * {@code facts} supplies (in its order), fires the version within the limits and lets {@code read} take what
     * it needs from the session before it is disposed. One stage of a staged evaluation runs through this: it
     * holds only part of a decision, so the snapshot checks and the deficit conservation of {@link #evaluate}
     * are the caller's. {@code facts} and {@code read} run metered: they may construct and read the policy's
     * declared types.
     *
     * @throws EvaluationFailedException when the policy loops, runs out of time or a rule throws
     */
    public <T> FactsEvaluation<T> evaluateFacts(CompiledVersion version, Instant asOf,
                                                Supplier<? extends Collection<?>> facts, Function<KieSession, T> read) {
        long start = System.nanoTime();
        return inSession(version, start, (session, monitor) -> Sandbox.run(monitor.budget().meter(), () -> {
            session.insert(new EvaluationContext(version.ruleSet(), version.version(), asOf));
            facts.get().forEach(session::insert);
            fire(session, monitor);
            return new FactsEvaluation<>(monitor.actions(), read.apply(session), monitor.firings());
        }));
    }

    /** What one evaluation does in a pooled session of the version, watched by its monitor. */
    private interface SessionWork<T> {
        T run(KieSession session, FiringMonitor monitor);
    }

    private <T> T inSession(CompiledVersion version, long start, SessionWork<T> work) {
        KieSession session = version.pooledSession();
        FiringMonitor monitor = new FiringMonitor(version, session, limits, start);
        session.addEventListener(monitor.budget());
        session.addEventListener(monitor);
        try {
            return work.run(session, monitor);
        } catch (PolicyLimitError e) {
            throw limitBreached(e, monitor.firingRule());
        } finally {
            session.removeEventListener(monitor.budget());
            session.removeEventListener(monitor);
            session.dispose(); // back to the version's pool, reset
        }
    }

    /** The evaluation a policy limit ended, naming the limit and the rule that was running. */
    public static EvaluationFailedException limitBreached(PolicyLimitError e, String rule) {
        return new EvaluationFailedException(EvaluationFailedException.Reason.EVALUATION_LIMIT, rule,
                e.limit() + " limit" + (rule == null ? " while facts were inserted" : " in rule \"" + rule + "\"")
                        + ": " + e.getMessage(), e);
    }

    private void insertAndFire(CompiledVersion version, Snapshot snapshot, Assessment assessment, KieSession session,
                               FiringMonitor monitor) {
        session.insert(new EvaluationContext(version.ruleSet(), version.version(), snapshot.asOf()));
        snapshot.markets().forEach(session::insert);
        snapshot.insuranceFunds().forEach(session::insert);
        List<String> symbols = snapshot.markets().stream().map(Market::symbol).toList();
        MarketBook.of(symbols, assessment.accounts(), assessment.positions()).values().forEach(session::insert);
        accountFacts(version, assessment).forEach(session::insert);
        fire(session, monitor);
    }

    /**
     * The account facts an evaluation inserts: the accounts the version watches (every account when this
     * evaluator inserts every account), then their positions.
     */
    public List<Object> accountFacts(CompiledVersion version, Assessment assessment) {
        List<Object> facts = new ArrayList<>();
        Set<String> watched = new HashSet<>();
        for (AccountRisk account : assessment.accounts()) {
            if (!honoursAccountWatch || version.watches(account)) {
                watched.add(account.accountId());
                facts.add(account);
            }
        }
        for (PositionRisk position : assessment.positions()) {
            if (watched.contains(position.accountId())) {
                facts.add(position);
            }
        }
        return facts;
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

    /** Each position's figures by account and market, for the conservation check. */
    private static BiFunction<String, String, PositionRisk> positionsOf(Assessment assessment) {
        Map<String, PositionRisk> byKey = new HashMap<>();
        assessment.positions().forEach(p -> byKey.put(p.accountId() + "\u0000" + p.symbol(), p));
        return (account, symbol) -> byKey.get(account + "\u0000" + symbol);
    }

    private static List<AccountResult> results(Assessment assessment, Map<String, AdlLights> lights) {
        Map<String, List<PositionResult>> positionsByAccount = new LinkedHashMap<>();
        for (PositionRisk p : assessment.positions()) {
            AdlLights market = lights.get(p.symbol());
            positionsByAccount.computeIfAbsent(p.accountId(), a -> new ArrayList<>())
                    .add(new PositionResult(p, market == null ? null : market.standing(p.accountId())));
        }
        List<AccountResult> results = new ArrayList<>(assessment.accounts().size());
        for (AccountRisk a : assessment.accounts()) {
            results.add(new AccountResult(a, positionsByAccount.getOrDefault(a.accountId(), List.of())));
        }
        return results;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
