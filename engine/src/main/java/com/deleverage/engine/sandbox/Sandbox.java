package com.deleverage.engine.sandbox;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs work that may call policy code (inserting facts evaluates conditions; firing runs consequences)
 * under a {@link Meter}. Policy code that runs without one fails at its first loop, so nothing of a
 * policy ever runs unmetered.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /** A meter for one evaluation whose deadline is {@code timeout} after {@code startNanos}. */
    public static Meter meter(SandboxLimits limits, long startNanos, Duration timeout) {
        return new Meter(limits, startNanos + timeout.toNanos());
    }

    /** Runs {@code work} with {@code meter} as this thread's meter. */
    public static <T> T run(Meter meter, Supplier<T> work) {
        Meter previous = Fuel.install(meter);
        try {
            return work.get();
        } catch (RuntimeException e) {
            // MVEL and Drools wrap what a condition or salience threw: a limit stays a limit.
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof PolicyLimitError limit) {
                    throw limit;
                }
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new PolicyLimitError(PolicyLimitError.Limit.STACK,
                    "the call stack overflowed (a fact that contains itself, or a structure too deep to compare)");
        } finally {
            Fuel.restore(previous);
        }
    }

    /** Runs {@code work} with {@code meter} as this thread's meter. */
    public static void run(Meter meter, Runnable work) {
        run(meter, () -> {
            work.run();
            return null;
        });
    }
}
