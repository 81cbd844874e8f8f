package com.deleverage.admin.executor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.util.Optional;

/**
 * Lowers the operating-system priority of the calling thread on Linux, where it belongs to a thread, not to the
 * whole process: the thread moves to the {@code SCHED_IDLE} policy ({@code sched_setscheduler}) and its nice
 * value goes up ({@code setpriority}). A nice value alone still lets a compile or bcrypt thread finish its time
 * slice before a waking evaluation thread gets the core (measured: evaluation p50 +30% beside two large
 * stagings and a password guesser on two cores); a {@code SCHED_IDLE} thread is preempted as soon as an
 * ordinary thread wants its core, and runs on what ordinary threads leave idle. The nice value stays as a
 * second line where the policy cannot be changed (some container runtimes refuse it). Neither needs a privilege.
 * <p>
 * Elsewhere (not Linux) nothing changes and {@link #lowerCurrentThread} says so; the executors still isolate
 * the request classes by their threads and in-flight limits.
 */
final class ThreadNiceness {
    private static final int PRIO_PROCESS = 0; // with a thread id as "who", Linux applies it to that thread only
    private static final int MAX_NICE = 19;
    private static final int SCHED_IDLE = 5; // linux/sched.h
    private static final Optional<CLibrary> LIBC = Platform.isLinux()
            ? Optional.of(Native.load("c", CLibrary.class)) : Optional.empty();

    /** The two calls of the C library this needs (glibc 2.30 and newer have {@code gettid}). */
    interface CLibrary extends Library {
        int gettid();

        int getpid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);

        /** {@code param} points at a {@code struct sched_param}: one int, the static priority, 0 for SCHED_IDLE. */
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    private ThreadNiceness() {
    }

    /**
     * Puts the calling thread under {@code SCHED_IDLE} and sets its nice value {@code steps} above the process's
     * (its main thread's: relative, so a platform started with {@code nice} keeps its own order; 19 at most), or
     * keeps a higher one the thread inherited from the thread that started it (a bcrypt thread may start a compile
     * thread): lowering a nice value needs a privilege. False when neither could be done.
     */
    static boolean lowerCurrentThread(int steps) {
        return LIBC.map(libc -> {
            int thread = libc.gettid();
            // With the process id as "who", getpriority reads the main thread's nice value.
            int nice = Math.max(libc.getpriority(PRIO_PROCESS, thread),
                    Math.min(MAX_NICE, libc.getpriority(PRIO_PROCESS, libc.getpid()) + steps));
            boolean niced = libc.setpriority(PRIO_PROCESS, thread, nice) == 0;
            boolean idle = libc.sched_setscheduler(thread, SCHED_IDLE, new int[] {0}) == 0;
            return niced || idle;
        }).orElse(false);
    }
}
