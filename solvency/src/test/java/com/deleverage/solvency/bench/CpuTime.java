package com.deleverage.solvency.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the benchmark thread over one iteration, printed beside JMH's wall-clock figures: on a shared
 * machine the wall clock measures the neighbours too, the thread's CPU time much less so.
 */
final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long startNanos;

    void start() {
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** Prints the CPU time since {@link #start} per operation, in microseconds. */
    void print(String what, long operations) {
        long spent = THREADS.getCurrentThreadCpuTime() - startNanos;
        System.out.printf("%n%s: %.1f us of CPU per operation (%d operations)%n", what,
                spent / 1000.0 / Math.max(operations, 1), operations);
    }
}
