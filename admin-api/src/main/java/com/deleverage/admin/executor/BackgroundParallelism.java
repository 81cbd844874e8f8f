package com.deleverage.admin.executor;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Parallel CPU-heavy work that must yield to evaluations (proving a margin epoch: minutes of CPU on every core).
 * A parallel stream started inside {@link #run} runs on this pool's workers, which move to background priority
 * ({@link ThreadNiceness}, like the compile threads) before they run anything; left to itself it would run on the
 * JVM's common pool at normal priority and take the cores from evaluations for as long as the proving lasts.
 */
@Singleton
public class BackgroundParallelism {
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), Worker::new,
            null, false);

    /** Runs {@code work} on the pool and returns its result; what it throws is thrown here, unchanged. */
    public <T> T run(Supplier<T> work) {
        try {
            // Not pool.submit(...).get(): a ForkJoinTask hands back a reflective copy of what its work threw.
            return CompletableFuture.supplyAsync(work, pool).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    private static final class Worker extends ForkJoinWorkerThread {
        Worker(ForkJoinPool pool) {
            super(pool);
            setName("background-parallel-" + WORKERS.incrementAndGet());
        }

        @Override
        protected void onStart() {
            super.onStart();
            ThreadNiceness.lowerCurrentThread(BackgroundThreadFactory.NICER_BY);
        }
    }
}
