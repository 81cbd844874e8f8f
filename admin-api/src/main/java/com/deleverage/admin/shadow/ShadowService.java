package com.deleverage.admin.shadow;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.db.DataAccessException;
import com.deleverage.admin.dryrun.DiffView;
import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.engine.compare.DecisionDiff;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shadow mode: a validated version evaluated beside the active one on every live evaluation of its rule
 * set, off the request path. The live request only hands its snapshot and decision to a bounded executor
 * ({@code deleveraging.shadow.threads}, queue {@code deleveraging.shadow.queue-capacity}); when that is
 * full the comparison is dropped and counted, never waited for. Each comparison is a
 * {@link DecisionDiff}; a differing one is stored with the accounts it affects. Counters are kept in
 * memory and added to the run's row every second (and before every read), so nodes add up.
 *
 * <p>The database says which run is on: starting or stopping one is a transaction with its audit row,
 * and every node picks the change up by polling ({@code deleveraging.activation.poll-interval}).
 */
@Singleton
public class ShadowService {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowService.class);
    private static final int SAMPLE = 10;
    private static final int ACCOUNT_LIST = 100;

    /** A run this node takes part in: the shadow version leased for as long as the run is on. */
    private static final class LocalRun {
        final ShadowRun run;
        final CompiledVersion.Lease lease;
        final LongAdder compared = new LongAdder();
        final LongAdder differing = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final LongAdder failed = new LongAdder();

        LocalRun(ShadowRun run, CompiledVersion.Lease lease) {
            this.run = run;
            this.lease = lease;
        }
    }

    private final TransactionOperations<Connection> transactions;
    private final ShadowRepository repository;
    private final RuleSetRepository ruleSets;
    private final CandidateVersions candidates;
    private final Evaluator evaluator;
    private final AuditLog auditLog;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<String, LocalRun> runs = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    public ShadowService(TransactionOperations<Connection> transactions, ShadowRepository repository,
                         RuleSetRepository ruleSets, CandidateVersions candidates, Evaluator evaluator,
                         AuditLog auditLog, PlatformMetrics metrics, Clock clock, ShadowProperties properties) {
        this.transactions = transactions;
        this.repository = repository;
        this.ruleSets = ruleSets;
        this.candidates = candidates;
        this.evaluator = evaluator;
        this.auditLog = auditLog;
        this.metrics = metrics;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                r -> Thread.ofPlatform().name("shadow-" + n.incrementAndGet()).daemon(true).unstarted(r),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Called by every live evaluation after its decision is logged: queues the shadow comparison if a run
     * is on for the rule set. Never blocks; a full queue drops the comparison and counts it.
     */
    public void offer(String ruleSet, Snapshot snapshot, Decision live, String decisionId) {
        LocalRun local = runs.get(ruleSet);
        if (local == null) {
            return;
        }
        try {
            executor.execute(() -> compare(local, snapshot, live, decisionId));
        } catch (RejectedExecutionException e) {
            local.dropped.increment();
            metrics.shadow(ruleSet, "dropped");
        }
    }

    private void compare(LocalRun local, Snapshot snapshot, Decision live, String decisionId) {
        String ruleSet = local.run.ruleSet();
        try (CompiledVersion.Lease lease = local.lease.version().lease()) {
            if (lease == null) {
                return; // the run ended and its version was disposed while this comparison waited
            }
            Decision shadow = evaluator.evaluate(lease.version(), snapshot);
            DecisionDiff diff = DecisionDiff.between(live, shadow);
            if (!diff.isEmpty()) {
                record(local.run.id(), decisionId, diff);
                local.differing.increment();
            }
            local.compared.increment();
            metrics.shadow(ruleSet, diff.isEmpty() ? "same" : "different");
        } catch (RuntimeException e) {
            local.failed.increment();
            metrics.shadow(ruleSet, "failed");
            LOG.warn("shadow {} v{} failed on decision {}: {}", ruleSet, local.run.version(), decisionId,
                    e.getMessage());
        }
    }

    private void record(long runId, String decisionId, DecisionDiff diff) {
        String json = DiffView.of(diff).toString();
        try {
            repository.recordDifference(runId, decisionId, clock.instant(), diff.accounts(), json);
        } catch (DataAccessException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // Another node recorded one of these accounts at the same moment: once more sees its row.
            repository.recordDifference(runId, decisionId, clock.instant(), diff.accounts(), json);
        }
    }

    /** Puts {@code version} in shadow for the rule set, ending any run already on; audited. */
    public ShadowRun start(String ruleSet, int version, String actor) {
        RuleSetVersion candidate = candidates.validated(ruleSet, version);
        Integer active = ruleSets.ruleSet(ruleSet).orElseThrow().activeVersion();
        if (active != null && active == version) {
            throw new Conflict(ruleSet + " v" + version + " is the active version; shadow a version "
                    + "beside it");
        }
        CompiledVersion.Lease lease = candidates.lease(candidate); // compiles (422 if it cannot) before any change
        boolean kept = false;
        try {
            synchronized (changes) {
                Instant now = clock.instant();
                long runId = transactions.executeWrite(status -> {
                    ruleSets.lock(ruleSet);
                    Optional<ShadowRun> previous = repository.running(ruleSet);
                    if (previous.isPresent()) {
                        repository.stop(previous.get().id(), actor, now);
                        auditLog.append(new AuditEvent(actor, AuditAction.SHADOW_STOPPED, ruleSet,
                                previous.get().version(), previous.get().versionHash(),
                                "replaced by a shadow run of v" + version));
                    }
                    long id = repository.start(ruleSet, version, candidate.hash(), actor, now);
                    auditLog.append(new AuditEvent(actor, AuditAction.SHADOW_STARTED, ruleSet, version,
                            candidate.hash(), "shadow beside " + (active == null ? "no active version" : "active v" + active)));
                    return id;
                });
                ShadowRun run = new ShadowRun(runId, ruleSet, version, candidate.hash(), actor, now, null, null,
                        0, 0, 0, 0);
                LocalRun replaced = runs.put(ruleSet, new LocalRun(run, lease));
                kept = true;
                if (replaced != null) {
                    end(replaced);
                }
                LOG.info("shadow: {} v{} beside the active version (run {}, by {})", ruleSet, version, runId, actor);
                return run;
            }
        } finally {
            if (!kept) {
                lease.close();
            }
        }
    }

    /** Ends the rule set's shadow run; 404 when none is on. Audited. */
    public ShadowRun stop(String ruleSet, String actor) {
        synchronized (changes) {
            Instant now = clock.instant();
            ShadowRun stopped = transactions.executeWrite(status -> {
                if (ruleSets.lock(ruleSet).isEmpty()) {
                    throw new NotFound("no rule set '" + ruleSet + "'");
                }
                ShadowRun running = repository.running(ruleSet).orElseThrow(() ->
                        new NotFound("rule set '" + ruleSet + "' has no shadow run on"));
                repository.stop(running.id(), actor, now);
                auditLog.append(new AuditEvent(actor, AuditAction.SHADOW_STOPPED, ruleSet,
                        running.version(), running.versionHash(), "shadow run ended"));
                return running;
            });
            LocalRun local = runs.remove(ruleSet);
            if (local != null) {
                end(local);
            }
            LOG.info("shadow: {} v{} ended (run {}, by {})", ruleSet, stopped.version(), stopped.id(), actor);
            return repository.latest(ruleSet).orElse(stopped);
        }
    }

    /** The running shadow run, or else the latest one, with this node's counts flushed first. */
    public Optional<ShadowRun> status(String ruleSet) {
        flush();
        return repository.latest(ruleSet);
    }

    public List<String> accounts(ShadowRun run) {
        return repository.accounts(run.id(), ACCOUNT_LIST);
    }

    public long accountCount(ShadowRun run) {
        return repository.accountCount(run.id());
    }

    public List<ShadowRepository.Difference> sample(ShadowRun run) {
        return repository.recentDifferences(run.id(), SAMPLE);
    }

    /** Waits until the shadow executor has nothing queued or running (tests, shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Adds this node's counts to the runs' rows. Synchronized: a status read flushes first, and must not read the
     * rows while the scheduled flush holds counts it has taken but not yet stored (the status then showed 0).
     */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    synchronized void flush() {
        for (LocalRun local : runs.values()) {
            flush(local);
        }
    }

    private synchronized void flush(LocalRun local) {
        long compared = local.compared.sumThenReset();
        long differing = local.differing.sumThenReset();
        long dropped = local.dropped.sumThenReset();
        long failed = local.failed.sumThenReset();
        if (compared + differing + dropped + failed > 0) {
            try {
                repository.addCounts(local.run.id(), compared, differing, dropped, failed);
            } catch (RuntimeException e) {
                local.compared.add(compared);
                local.differing.add(differing);
                local.dropped.add(dropped);
                local.failed.add(failed);
                LOG.warn("could not store shadow counts of run {}: {}", local.run.id(), e.getMessage());
            }
        }
    }

    /** Follows the database: joins runs started on other nodes, leaves those ended there. */
    @Scheduled(fixedDelay = "${deleveraging.activation.poll-interval}",
            initialDelay = "${deleveraging.activation.poll-interval}")
    void sync() {
        try {
            synchronized (changes) {
                List<ShadowRun> running = repository.allRunning();
                Set<String> on = new HashSet<>();
                for (ShadowRun run : running) {
                    on.add(run.ruleSet());
                    LocalRun local = runs.get(run.ruleSet());
                    if (local == null || local.run.id() != run.id()) {
                        RuleSetVersion version = candidates.stored(run.ruleSet(), run.version());
                        LocalRun joined = new LocalRun(run, candidates.lease(version));
                        LocalRun replaced = runs.put(run.ruleSet(), joined);
                        if (replaced != null) {
                            end(replaced);
                        }
                        LOG.info("shadow: joined run {} of {} v{}", run.id(), run.ruleSet(), run.version());
                    }
                }
                for (String ruleSet : Set.copyOf(runs.keySet())) {
                    if (!on.contains(ruleSet)) {
                        end(runs.remove(ruleSet));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("could not follow the shadow runs recorded in the database", e);
        }
    }

    private void end(LocalRun local) {
        flush(local);
        local.lease.close();
    }

    @PreDestroy
    void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        runs.values().forEach(this::end);
        runs.clear();
    }
}
