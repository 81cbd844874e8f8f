package com.deleverage.admin.executor;

import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.StagedVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.admin.ruleset.ValidationReportLimits;
import com.deleverage.engine.validate.PolicyValidator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The real staging service, with a gate for tests that need stagings to be running while they look at the
 * rest of the platform. While {@link #hold() held}, a staging that starts first spins on its thread (CPU-bound
 * without a blocking point, like a compile: on a virtual thread it would keep its carrier) until
 * {@link #release()}, then stages for real. Every staging records the thread it ran on.
 */
@Singleton
@Replaces(StagingService.class)
@Requires(property = HeldStagings.ENABLED, value = "true")
public class HeldStagings extends StagingService {
    static final String ENABLED = "test.held-stagings";
    /** A held staging gives up after this, so a broken test cannot spin forever; a passing run never gets here. */
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    public record Run(String comment, Thread thread) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final Semaphore started = new Semaphore(0);
    private volatile CountDownLatch gate;

    public HeldStagings(TransactionOperations<Connection> transactions, RuleSetRepository repository,
                        PolicyValidator validator, AuditLog auditLog, Clock clock, ValidationReportLimits reportLimits,
                        PlatformMetrics metrics) {
        super(transactions, repository, validator, auditLog, clock, reportLimits, metrics);
    }

    @Override
    public StagedVersion stage(String ruleSet, String comment, Map<String, String> files, boolean allowRemovals,
                               String author) {
        runs.add(new Run(comment, Thread.currentThread()));
        CountDownLatch held = gate;
        if (held != null) {
            started.release();
            spinUntil(held);
        }
        return super.stage(ruleSet, comment, files, allowRemovals, author);
    }

    private static void spinUntil(CountDownLatch held) {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (held.getCount() > 0) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("held staging never released");
            }
            Thread.onSpinWait();
        }
    }

    /** From now on, stagings that start spin until {@link #release()}. */
    public void hold() {
        runs.clear();
        started.drainPermits();
        gate = new CountDownLatch(1);
    }

    /** Waits until {@code count} held stagings have started spinning. */
    public void awaitStarted(int count) throws InterruptedException {
        if (!started.tryAcquire(count, GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(count + " held stagings did not start");
        }
    }

    /** Lets the held stagings go on (and stages without holding from now on). */
    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }
}
