package com.deleverage.engine.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The budget of one evaluation on one thread: fuel refilled at every rule firing, a fact count and a
 * wall-clock deadline read every 1,024 units of fuel. Not thread-safe; one per running evaluation.
 */
public class Meter {
    private static final int CLOCK_EVERY = 1 << 10;
    /** Glue code running while a version is built: the default size limits, no fuel, no deadline. */
    static final Meter UNMETERED = new Meter(SandboxLimits.DEFAULT, Long.MAX_VALUE) {
        @Override
        void spend(long units) {
        }

        @Override
        void fact() {
        }
    };

    private final SandboxLimits limits;
    private final long deadlineNanos;
    private long fuel;
    private long evaluationFuel;
    private long sinceClock;
    private int facts;

    Meter(SandboxLimits limits, long deadlineNanos) {
        this.limits = limits;
        this.deadlineNanos = deadlineNanos;
        this.fuel = limits.fuelPerFiring();
        this.evaluationFuel = limits.fuelPerEvaluation();
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** A rule is about to fire: its consequence gets a full tank. */
    public void refill() {
        fuel = limits.fuelPerFiring();
    }

    void spend(long units) {
        fuel -= units;
        evaluationFuel -= units;
        if (fuel < 0) {
            throw new PolicyLimitError(PolicyLimitError.Limit.FUEL, "policy code ran more than "
                    + limits.fuelPerFiring() + " loop iterations in one rule firing");
        }
        if (evaluationFuel < 0) {
            throw new PolicyLimitError(PolicyLimitError.Limit.FUEL, "policy code ran more than "
                    + limits.fuelPerEvaluation() + " loop iterations in one evaluation");
        }
        sinceClock += units;
        if (sinceClock >= CLOCK_EVERY) {
            sinceClock = 0;
            checkDeadline();
            checkHeap();
        }
    }

    /**
     * The last line against a policy filling memory within its fuel (several evaluations at once may):
     * while policy code runs, a heap nearly full ends the evaluation that is allocating, not the process.
     */
    private static void checkHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        // A full heap may be garbage: it is the policy's doing only if the last collection freed too little.
        if (used > runtime.maxMemory() / 10 * 9 && survivorsOfLastCollection() > 0.75) {
            throw new PolicyLimitError(PolicyLimitError.Limit.MEMORY,
                    "the heap was over 90% full, and still over 75% after the last collection, while policy code ran");
        }
    }

    /** The largest share of a heap pool still in use after its last collection (0 when unknown). */
    private static double survivorsOfLastCollection() {
        double worst = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null && after.getMax() > 0) {
                worst = Math.max(worst, (double) after.getUsed() / after.getMax());
            }
        }
        return worst;
    }

    void fact() {
        if (++facts > limits.maxFacts()) {
            throw new PolicyLimitError(PolicyLimitError.Limit.FACTS, "the policy inserted more than "
                    + limits.maxFacts() + " facts in one evaluation");
        }
        spend(1);
    }

    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new PolicyLimitError(PolicyLimitError.Limit.DEADLINE, "the evaluation passed its deadline");
        }
    }
}
