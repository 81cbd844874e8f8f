package com.deleverage.admin.executor;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.executor.UserExecutorConfiguration;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Starts every thread of the executors that serve people and trading systems (evaluation, activation, rollback,
 * admin) at start-up, from the main thread. Linux gives a new thread the scheduling of the thread that starts
 * it, and a pool starts a thread on the thread that submits work to it: the first evaluations after a burst of
 * sign-ins were submitted by bcrypt threads, so the evaluation threads they started ran under SCHED_IDLE, ten nice
 * steps down, like the bcrypt (seen in the isolation load test: 7 of 32 evaluation threads). A fixed pool starts
 * a thread for each task submitted while it has fewer than its size, so submitting that many tasks from the main
 * thread starts them all here; then it never starts another, except to replace one that died, from that pool's own
 * thread. (Micronaut wraps the pools to propagate context, so they are filled through their own interface.)
 */
@Singleton
class ForegroundThreads {
    static final List<String> POOLS = List.of(RequestExecutors.EVALUATION, RequestExecutors.ACTIVATION,
            RequestExecutors.ROLLBACK, RequestExecutors.ADMIN);

    private final BeanContext context;

    ForegroundThreads(BeanContext context) {
        this.context = context;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (String name : POOLS) {
            ExecutorService executor = context.getBean(ExecutorService.class, Qualifiers.byName(name));
            int threads = context.getBean(UserExecutorConfiguration.class, Qualifiers.byName(name)).getNumberOfThreads();
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                started.add(executor.submit(() -> { }));
            }
            for (Future<?> thread : started) {
                try {
                    thread.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the " + name + " threads", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cannot start the " + name + " threads", e);
                }
            }
        }
    }
}
