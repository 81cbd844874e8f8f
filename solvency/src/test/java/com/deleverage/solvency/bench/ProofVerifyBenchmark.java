package com.deleverage.solvency.bench;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.EpochTree;
import com.deleverage.verifier.InclusionCheck;
import com.deleverage.verifier.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What an account holder's check costs: the verifier module reading one proof (JSON) and hashing its path up
 * to the root, for trees of 10^4, 10^5 and 10^6 accounts (paths of 14, 17 and 20 siblings). The set-up prints
 * the proofs' average size in bytes. {@code ./mvnw -pl solvency -am -Pbench -DskipTests test
 * -Dbench=ProofVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class ProofVerifyBenchmark {
    private static final int PROOFS = 1024;

    @Param({"10000", "100000", "1000000"})
    public int accounts;

    private final String[] proofs = new String[PROOFS];
    private String root;
    private int next;
    private int startedAt;
    private final CpuTime cpu = new CpuTime();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<AccountLiability> owed = Ledgers.of(accounts, 20251010);
        long before = usedHeap();
        EpochTree tree = EpochTree.build(owed, new SecureRandom());
        long retained = usedHeap() - before;
        root = tree.tree().root().hash();
        ObjectMapper json = new ObjectMapper();
        SplittableRandom pick = new SplittableRandom(7);
        long bytes = 0;
        for (int i = 0; i < PROOFS; i++) {
            proofs[i] = json.writeValueAsString(tree.proof(1, owed.get(pick.nextInt(accounts)).accountId()).orElseThrow());
            bytes += proofs[i].length();
        }
        System.out.printf("%n%d accounts: depth %d, proof JSON %d bytes on average, tree and salts %d MB on the heap%n",
                accounts, tree.tree().depth(), bytes / PROOFS, retained >> 20);
    }

    @Setup(Level.Iteration)
    public void startClock() {
        startedAt = next;
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.print("verify at " + accounts, next - startedAt);
    }

    /** Heap in use after a full collection: what the tree keeps alive, measured around its build. */
    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Benchmark
    public Verdict verify() {
        Verdict verdict = InclusionCheck.againstRoot(proofs[next++ & (PROOFS - 1)], root);
        if (!verdict.passed()) {
            throw new IllegalStateException(verdict.lines().toString());
        }
        return verdict;
    }
}
