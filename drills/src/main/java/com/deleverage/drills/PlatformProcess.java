package com.deleverage.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A platform node run by a drill as a child process: started and awaited until {@code GET /health} answers,
 * killed with SIGKILL ({@code kill -9}, {@link Process#destroyForcibly()}: this child's PID only), stopped with
 * SIGTERM. Each start logs to {@code platform-<n>.log} in the log folder; a shutdown hook kills the child if the
 * drill itself is stopped.
 */
public final class PlatformProcess implements AutoCloseable {
    private static final long START_TIMEOUT_NANOS = 180_000_000_000L;

    private final List<String> command;
    private final Path logs;
    private final PlatformClient client;
    private final Thread cleanup = new Thread(this::killIfRunning);
    private volatile Process process;
    private int starts;

    /**
     * @param command the whole command line (java, JVM options, {@code -Dname=value} settings, then {@code -jar
     *                platform.jar} or a class path and main class)
     * @param logs    where each start's output goes
     * @param client  the node's HTTP client, to wait for {@code /health}
     */
    public PlatformProcess(List<String> command, Path logs, PlatformClient client) {
        this.command = List.copyOf(command);
        this.logs = logs;
        this.client = client;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts the node and returns once it answers {@code /health}; fails with the log's tail if it exits. */
    public void start() throws IOException, InterruptedException {
        starts++;
        Path log = logs.resolve("platform-" + starts + ".log");
        Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process = started;
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!client.healthy()) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the platform exited with " + started.exitValue() + "; see " + log
                        + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not answer /health within 180 s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        Process victim = process;
        victim.destroyForcibly();
        victim.waitFor();
    }

    /** SIGTERM (an orderly shutdown), SIGKILL after 30 s. */
    public void stop() throws InterruptedException {
        Process last = process;
        if (last != null && last.isAlive()) {
            last.destroy();
            if (!last.waitFor(30, TimeUnit.SECONDS)) {
                last.destroyForcibly();
                last.waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        Runtime.getRuntime().removeShutdownHook(cleanup);
    }

    private void killIfRunning() {
        Process child = process;
        if (child != null) {
            child.destroyForcibly(); // the drill itself was stopped: take its child with it
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
