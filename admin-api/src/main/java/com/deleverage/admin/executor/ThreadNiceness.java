package com.deleverage.admin.executor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.util.Optional;

/**
 * Lowers the operating-system priority (raises the nice value) of the calling thread, through the C library's
 * {@code setpriority} on Linux, where the nice value belongs to a thread, not to the whole process. The
 * scheduler then gives a runnable evaluation thread (nice 0) about ten times the CPU of a compile or bcrypt
 * thread ten steps nicer when both want a core. Raising one's own nice value needs no privilege.
 * <p>
 * Elsewhere (not Linux) nothing changes and {@link #lowerCurrentThread} says so; the executors still isolate
 * the request classes by their threads and in-flight limits.
 */
final class ThreadNiceness {
    private static final int PRIO_PROCESS = 0; // with a thread id as "who", Linux applies it to that thread only
    private static final int MAX_NICE = 19;
    private static final Optional<CLibrary> LIBC = Platform.isLinux()
            ? Optional.of(Native.load("c", CLibrary.class)) : Optional.empty();

    /** The two calls of the C library this needs (glibc 2.30 and newer have {@code gettid}). */
    interface CLibrary extends Library {
        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    private ThreadNiceness() {
    }

    /**
     * Raises the calling thread's nice value by {@code steps} (relative, so a platform started with {@code nice}
     * keeps its own order; 19 at most); false when the platform cannot.
     */
    static boolean lowerCurrentThread(int steps) {
        return LIBC.map(libc -> {
            int thread = libc.gettid();
            int nice = Math.min(MAX_NICE, libc.getpriority(PRIO_PROCESS, thread) + steps);
            return libc.setpriority(PRIO_PROCESS, thread, nice) == 0;
        }).orElse(false);
    }
}
