package com.deleverage.solvency.margin;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * Proving and verifying a margin epoch of {@code accounts} accounts of {@link MarginBooks} with the reference
 * policy's decision, each as one shot: the epoch's work is per pool (no tree, nothing shared but the tables), so
 * the figures per account carry over to any book size. Prints the files' sizes and the process's CPU time per
 * operation (proving runs on every core: the thread's own CPU time would miss the others).
 * {@code ./mvnw -pl solvency -am -Pbench -DskipTests test -Dbench=MarginEpochBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class MarginEpochBenchmark {
    @Param({"100"})
    public int accounts;

    private final MarginEpochBuilder builder = new MarginEpochBuilder(new SecureRandom());
    private Snapshot book;
    private DecisionFacts decision;
    private MarginEpoch epoch;
    private long cpuStart;

    @Setup(Level.Trial)
    public void setUp() {
        book = MarginBooks.book(accounts, 19);
        Decision decided = MarginBooks.decide(book);
        decision = MarginBooks.facts(decided);
        epoch = builder.build(book, decision, MarginBooks.REFERENCE_RULE);
        int positions = book.accounts().stream().mapToInt(a -> a.positions().size()).sum();
        System.out.printf("%n%d accounts, %d positions, %d pools (%d linked): epoch.json %d bytes, pools.jsonl %d bytes "
                        + "(%.0f bytes per account, %.0f per pool)%n", accounts, positions, epoch.pools(), epoch.linked(),
                epoch.epochJson().length, epoch.poolsJsonl().length, epoch.poolsJsonl().length / (double) accounts,
                epoch.poolsJsonl().length / (double) epoch.pools());
    }

    @Setup(Level.Iteration)
    public void startClock() {
        cpuStart = processCpu();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        System.out.printf("%nprocess CPU: %.2f s for the operation (%.1f ms per account)%n",
                (processCpu() - cpuStart) / 1e9, (processCpu() - cpuStart) / 1e6 / accounts);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Benchmark
    public MarginEpoch prove() {
        return builder.build(book, decision, MarginBooks.REFERENCE_RULE);
    }

    @Benchmark
    public Verdict verify() {
        Verdict verdict = MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), epoch.digest(), null);
        if (!verdict.passed()) {
            throw new IllegalStateException(verdict.lines().getLast());
        }
        return verdict;
    }
}
