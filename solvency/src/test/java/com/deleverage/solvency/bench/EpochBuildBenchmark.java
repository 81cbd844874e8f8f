package com.deleverage.solvency.bench;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.EpochTree;
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

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Building an epoch's tree from its accounts' liabilities, one thread: salts from SecureRandom, commitments,
 * the sort by commitment, leaf and node hashes (everything but reading the snapshot and storing the tree).
 * Each call is one whole build, so single shots: {@code ./mvnw -pl solvency -am -Pbench -DskipTests test
 * -Dbench=EpochBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class EpochBuildBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int accounts;

    private List<AccountLiability> owed;
    private final SecureRandom random = new SecureRandom();
    private final CpuTime cpu = new CpuTime();

    @Setup(Level.Trial)
    public void setUp() {
        owed = Ledgers.of(accounts, 20251010);
    }

    @Setup(Level.Iteration)
    public void startClock() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.print("build of " + accounts, 1);
    }

    @Benchmark
    public EpochTree build() {
        return EpochTree.build(owed, random);
    }
}
