package com.deleverage.solvency.bench;

import com.deleverage.solvency.zk.Opening;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.RangeStatement;
import com.deleverage.verifier.zk.RangeVerifier;
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

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Making and checking one Bulletproofs range proof over {@code values} 64-bit values: 1 (a single value, the
 * solvency proof has 2), 16 (the path proof of a 10,000-account epoch: its leaf and 14 siblings, padded) and 32
 * (100,000 accounts: 18 values, padded). {@code ./mvnw -pl solvency -am -Pbench -DskipTests test
 * -Dbench=RangeProofBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class RangeProofBenchmark {
    private static final byte[] CONTEXT = "benchmark".getBytes(StandardCharsets.US_ASCII);

    @Param({"1", "16", "32"})
    public int values;

    private final SecureRandom random = new SecureRandom();
    private RangeProver prover;
    private List<Opening> openings;
    private RangeStatement statement;
    private RangeProof proof;
    private final CpuTime cpu = new CpuTime();
    private long operations;

    @Setup(Level.Trial)
    public void setUp() {
        prover = new RangeProver(random);
        openings = new ArrayList<>();
        for (int i = 0; i < values; i++) {
            openings.add(Opening.of(new BigInteger(64, random), random));
        }
        statement = new RangeStatement(openings.stream().map(Opening::commitment).toList(), CONTEXT);
        proof = prover.prove(openings, CONTEXT);
        System.out.printf("%n%d values: proof of %d points and 5 scalars, %d bytes binary%n", values,
                4 + 2 * proof.l().size(), 33 * (4 + 2 * proof.l().size()) + 32 * 5);
    }

    @Setup(Level.Iteration)
    public void startClock() {
        operations = 0;
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.print("range proof over " + values, operations);
    }

    @Benchmark
    public RangeProof prove() {
        operations++;
        return prover.prove(openings, CONTEXT);
    }

    @Benchmark
    public RangeProof verify() throws ProofRejected {
        operations++;
        RangeVerifier.verify(statement, proof);
        return proof;
    }
}
