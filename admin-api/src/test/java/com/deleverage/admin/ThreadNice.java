package com.deleverage.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The calling thread's nice value as Linux records it ({@code /proc/thread-self/stat}, field 19). */
public final class ThreadNice {
    private ThreadNice() {
    }

    public static int ofThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // "tid (name) state ppid ...": the name may hold spaces, so count the fields after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/thread-self/stat: these tests need Linux", e);
        }
    }

    /** What a thread of a background pool must have, started from a thread of nice {@code own}. */
    public static int background(int own) {
        return Math.min(19, own + 10);
    }
}
