package com.deleverage.admin.executor;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform threads for CPU-heavy work that must yield to evaluations: compiling and validating versions, and
 * the bcrypt of sign-ins, replays. Each thread moves itself to Linux's SCHED_IDLE policy and {@link #NICER_BY} nice
 * steps down before it runs anything ({@link ThreadNiceness}), so two large stagings and a password guesser beside
 * them take the cores only when evaluations leave them idle. Named per executor ({@code micronaut.executors.<name>
 * .thread-factory-class}) so that {@code top -H} and thread dumps show which class a thread serves.
 */
public abstract class BackgroundThreadFactory implements ThreadFactory {
    /** Ten nice steps (weight 110 against an evaluation thread's 1024), where SCHED_IDLE cannot be had. */
    static final int NICER_BY = 10;

    private final String name;
    private final AtomicInteger created = new AtomicInteger();

    protected BackgroundThreadFactory(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable work) {
        return Thread.ofPlatform().name(name + "-executor-thread-" + created.incrementAndGet()).daemon(true).unstarted(() -> {
            ThreadNiceness.lowerCurrentThread(NICER_BY);
            work.run();
        });
    }
}
