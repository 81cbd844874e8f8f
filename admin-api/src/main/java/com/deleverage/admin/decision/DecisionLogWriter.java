package com.deleverage.admin.decision;

import com.deleverage.admin.db.DataAccessException;
import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.refusal.Unavailable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Writes decisions to the log. A decision is acknowledged (its HTTP response sent) only once the
 * transaction holding its row has committed, so an acknowledged decision is never lost, not even if the
 * process dies right after.
 *
 * <p>Modes ({@code deleveraging.decision-log.mode}):
 * <ul>
 * <li>{@code group-commit} (default): request threads hand their row to one writer thread and wait;
 * the writer takes everything queued (up to {@code max-batch}), inserts it with JDBC batches in one
 * transaction and commits once for all of them. Under load many decisions share one commit (the
 * expensive part, a log flush on a real database), so throughput grows with concurrency instead of
 * queueing behind one commit per request; a lone request waits for one small transaction, as before.
 * A batch that fails (a duplicate Idempotency-Key from another node) is retried row by row so one bad
 * row never fails its neighbours.</li>
 * <li>{@code sync}: one transaction per decision on the request thread (the first implementation).</li>
 * <li>{@code off}: nothing is logged. For measuring the log's cost only: without the log there is no
 * look-up, no replay and no Idempotency-Key.</li>
 * </ul>
 * On a graceful shutdown the writer stops taking rows and commits everything queued before the data
 * source closes; a request that arrives after that gets 503 and no decision.
 */
@Singleton
public class DecisionLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLogWriter.class);

    /** How a row ended up. */
    public enum Outcome {
        /** Committed. */
        WRITTEN,
        /** Not written: the caller's Idempotency-Key is already in the log (written by another request). */
        DUPLICATE_KEY,
        /** Not written: the log is off. */
        NOT_LOGGED
    }

    public enum Mode { GROUP_COMMIT, SYNC, OFF }

    private record Pending(DecisionRecord record, CompletableFuture<Outcome> done) {
    }

    private final TransactionOperations<Connection> transactions;
    private final DecisionLogRepository repository;
    private final PlatformMetrics metrics;
    private final Mode mode;
    private final int maxBatch;
    private final Duration ackTimeout;
    private final BlockingQueue<Pending> queue;
    private final Object lifecycle = new Object();
    private final Thread writer;
    private volatile boolean accepting = true;

    public DecisionLogWriter(TransactionOperations<Connection> transactions, DecisionLogRepository repository,
                             PlatformMetrics metrics, DecisionLogProperties properties) {
        this.transactions = transactions;
        this.repository = repository;
        this.metrics = metrics;
        this.mode = properties.mode();
        this.maxBatch = properties.maxBatch();
        this.ackTimeout = properties.ackTimeout();
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        if (this.mode == Mode.GROUP_COMMIT) {
            writer = Thread.ofPlatform().name("decision-log-writer").daemon(false).unstarted(this::run);
            writer.start();
        } else {
            writer = null;
        }
        LOG.info("decision log: {}", this.mode);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Writes the record and returns once it is committed (or known to be a duplicate key).
     *
     * @throws Unavailable when the platform is shutting down or the log cannot keep up: the
     *                          decision is then not acknowledged, and the caller may retry
     */
    public Outcome write(DecisionRecord record) {
        return switch (mode) {
            case OFF -> Outcome.NOT_LOGGED;
            case SYNC -> writeAlone(record);
            case GROUP_COMMIT -> enqueueAndWait(record);
        };
    }

    private Outcome enqueueAndWait(DecisionRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        synchronized (lifecycle) {
            if (!accepting) {
                throw new Unavailable("the platform is shutting down; retry on another node");
            }
            if (!queue.offer(pending)) {
                throw new Unavailable("the decision log is " + queue.size() + " decisions behind; retry shortly");
            }
        }
        try {
            return pending.done().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while the decision was being logged");
        } catch (TimeoutException e) {
            throw new Unavailable("the decision log did not commit within " + ackTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!accepting && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                flush(batch);
            } catch (InterruptedException e) {
                // Only close() interrupts, after it stopped accepting: drain what is left and end.
                accepting = false;
            } catch (RuntimeException | Error e) {
                LOG.error("decision log writer failed on a batch of {}", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        metrics.decisionLogBatch(batch.size());
        try {
            commit(batch.stream().map(Pending::record).toList());
        } catch (DataAccessException e) {
            if (batch.size() == 1) {
                Pending alone = batch.getFirst();
                settle(alone, () -> refused(alone.record(), e));
            } else {
                LOG.debug("batch of {} failed ({}); writing its rows one by one", batch.size(), e.getMessage());
                batch.forEach(this::complete);
            }
            return;
        }
        batch.forEach(p -> p.done().complete(Outcome.WRITTEN));
    }

    private static void settle(Pending p, Supplier<Outcome> outcome) {
        try {
            p.done().complete(outcome.get());
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
    }

    private void complete(Pending p) {
        settle(p, () -> writeAlone(p.record()));
    }

    private Outcome writeAlone(DecisionRecord record) {
        try {
            commit(List.of(record));
            return Outcome.WRITTEN;
        } catch (DataAccessException e) {
            return refused(record, e);
        }
    }

    /** A row the database refused: a duplicate of the caller's Idempotency-Key, or a failure to report. */
    private static Outcome refused(DecisionRecord record, DataAccessException failure) {
        if (failure.isDuplicateKey() && record.idempotencyKey() != null) {
            return Outcome.DUPLICATE_KEY;
        }
        throw failure;
    }

    /** One transaction, one commit: the rows and their seal, or nothing. */
    private void commit(List<DecisionRecord> records) {
        transactions.executeWrite(status -> {
            repository.insert(records);
            return null;
        });
    }

    /**
     * Graceful shutdown: no new rows, then everything queued is committed before this returns (the data
     * source is closed after its dependents, this bean among them).
     */
    @PreDestroy
    public void close() {
        synchronized (lifecycle) {
            accepting = false;
        }
        if (writer != null) {
            try {
                writer.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            if (!left.isEmpty()) {
                left.forEach(this::complete);
            }
            LOG.info("decision log writer stopped; every queued decision is committed");
        }
    }
}
