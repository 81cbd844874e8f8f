package com.deleverage.engine.evaluate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.risk.Assessment;
import com.deleverage.engine.risk.RiskAssessor;
import com.deleverage.engine.testing.Snapshots;
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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * In-process evaluation of the reference policy (rules/deleveraging) against a synthetic book, next to
 * its baseline: the policy-independent assessment alone. The ratio is the cost of running the rules.
 * Run: {@code ./mvnw -q -pl engine test-compile exec:exec@bench -Dbench=EvaluatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class EvaluatorBenchmark {
    @Param({"1", "1000", "10000"})
    public int accounts;

    private Snapshot snapshot;
    private CompiledVersion version;
    private final Evaluator evaluator = new Evaluator();
    private final RiskAssessor assessor = new RiskAssessor();

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> files = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
        version = new RuleSetCompiler().compile("deleveraging", 1, files).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
        snapshot = book(accounts, 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        version.retire();
    }

    @Benchmark
    public Assessment assessOnly() {
        return assessor.assess(snapshot);
    }

    @Benchmark
    public Decision evaluate() {
        return evaluator.evaluate(version, snapshot);
    }

    /** A seeded book around a 100,000 mark: cross accounts, one BTC position each, leverage 2-100x. */
    static Snapshot book(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Market btc = Snapshots.btc("100000");
        List<Account> accounts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int leverage = 2 + random.nextInt(99);
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(200), 2); // 0.01 - 2.00 BTC
            BigDecimal entry = BigDecimal.valueOf(95_000 + random.nextInt(10_000));
            BigDecimal wallet = entry.multiply(quantity).divide(BigDecimal.valueOf(leverage), 2, java.math.RoundingMode.HALF_EVEN);
            boolean isLong = random.nextBoolean();
            accounts.add(new Account("acct-" + i, wallet, MarginMode.CROSS,
                    List.of(new Position("BTCUSDT", isLong ? quantity : quantity.negate(), entry, leverage, null))));
        }
        return new Snapshot("deleveraging", Instant.parse("2025-10-10T21:15:00Z"), List.of(btc),
                List.of(new InsuranceFund("BTCUSDT", new BigDecimal("2500000"), new BigDecimal("3100000"))), accounts);
    }
}
