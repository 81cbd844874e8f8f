package com.deleverage.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How Linux schedules the calling thread, as it records it in {@code /proc/thread-self/stat}: the nice value
 * (field 19) and the scheduling policy (field 41: 0 SCHED_OTHER, 5 SCHED_IDLE).
 */
public record ThreadNice(int nice, int policy) {
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_IDLE = 5;

    public static ThreadNice ofThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // "tid (name) state ppid ...": the name may hold spaces, so count the fields after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ThreadNice(Integer.parseInt(fields[19 - 3]), Integer.parseInt(fields[41 - 3]));
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/thread-self/stat: these tests need Linux", e);
        }
    }

    /** What a thread of a background pool must have, started from this thread: SCHED_IDLE, ten nice steps more (19 at most). */
    public ThreadNice background() {
        return new ThreadNice(Math.min(19, nice + 10), SCHED_IDLE);
    }
}
