package com.deleverage.solvency.bench;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.solvency.zk.ZkEpochTree;
import com.deleverage.verifier.RangeCheck;
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
 * A zero-knowledge epoch of 10^4 and 10^5 accounts: building its tree of commitments (one thread; blindings from
 * SecureRandom, two scalar multiplications per leaf, a point addition per node), and an account holder's whole
 * check of one proof (RangeCheck: leaf opening, path, aggregated range proof). The set-up prints the proofs'
 * size. {@code ./mvnw -pl solvency -am -Pbench -DskipTests test -Dbench=ZkEpochBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class ZkEpochBenchmark {
    private static final int PROOFS = 8;

    @Param({"10000", "100000"})
    public int accounts;

    private List<AccountLiability> owed;
    private final SecureRandom random = new SecureRandom();
    private final String[] proofs = new String[PROOFS];
    private String root;
    private int next;
    private final CpuTime cpu = new CpuTime();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        owed = Ledgers.of(accounts, 20251010);
        ZkEpochTree tree = ZkEpochTree.build(owed, random);
        root = tree.tree().root().hash();
        RangeProver prover = new RangeProver(random);
        ObjectMapper json = new ObjectMapper();
        SplittableRandom pick = new SplittableRandom(7);
        long bytes = 0;
        for (int i = 0; i < PROOFS; i++) {
            proofs[i] = json.writeValueAsString(tree.proof(1, owed.get(pick.nextInt(accounts)).accountId(), prover)
                    .orElseThrow());
            bytes += proofs[i].length();
        }
        System.out.printf("%n%d accounts: depth %d, zero-knowledge proof JSON %d bytes on average, solvency proof "
                + "JSON %d bytes%n", accounts, tree.tree().depth(), bytes / PROOFS,
                json.writeValueAsString(tree.solvencyProof(java.math.BigInteger.ONE.shiftLeft(63), prover).toFile())
                        .length());
    }

    @Setup(Level.Iteration)
    public void startClock() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.print("zero-knowledge operation at " + accounts, 1);
    }

    @Benchmark
    public ZkEpochTree build() {
        return ZkEpochTree.build(owed, random);
    }

    @Benchmark
    public Verdict verifyOneProof() {
        Verdict verdict = RangeCheck.againstRoot(proofs[next++ % PROOFS], root);
        if (!verdict.passed()) {
            throw new IllegalStateException(verdict.lines().toString());
        }
        return verdict;
    }
}
