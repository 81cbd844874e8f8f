package com.deleverage.engine.sandbox;

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
    private long sinceClock;
    private int facts;

    Meter(SandboxLimits limits, long deadlineNanos) {
        this.limits = limits;
        this.deadlineNanos = deadlineNanos;
        this.fuel = limits.fuelPerFiring();
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
        if (fuel < 0) {
            throw new PolicyLimitError(PolicyLimitError.Limit.FUEL, "policy code ran more than "
                    + limits.fuelPerFiring() + " loop iterations in one rule firing");
        }
        sinceClock += units;
        if (sinceClock >= CLOCK_EVERY) {
            sinceClock = 0;
            checkDeadline();
        }
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
