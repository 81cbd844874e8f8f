package com.deleverage.engine.sweep;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A mark-price move of every market over a resident book (four markets, four positions per account), next to
 * the hand-written plain-Java evaluation of the same checks in the same run. Each invocation is one tick;
 * ticks alternate between the marks 1% below and 1% above the opening marks, so every tick moves every
 * market and every position. {@code sweepOneMarket} moves BTCUSDT alone. Run (see docs/performance.md):
 * {@code ./mvnw -q -pl engine test-compile exec:exec@bench -Dbench="MarketSweepBenchmark -p positions=100000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class MarketSweepBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int positions;

    /**
     * Accounts at or above the warning ratio after a 1% move: {@code crash} ({@link SweepBooks#book}) 7%,
     * {@code volatile} 1.9%, {@code calm} none.
     */
    @Param({"crash", "volatile", "calm"})
    public String profile;

    private CompiledVersion version;
    private Snapshot book;
    private MarketSweep sweep;
    private PlainJavaSweep baseline;
    private final Map<String, BigDecimal>[] marks = new Map[] {
            SweepBooks.moved(new BigDecimal("-0.01")), SweepBooks.moved(new BigDecimal("0.01"))};
    private final Map<String, BigDecimal>[] btc = new Map[] {
            Map.of("BTCUSDT", new BigDecimal("99000")), Map.of("BTCUSDT", new BigDecimal("101000"))};
    private Snapshot[] snapshots;
    private long ticks;
    private Instant at;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        Map<String, String> files = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
        var compilation = new RuleSetCompiler().compile("deleveraging", 1, files);
        version = compilation.compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile: " + compilation.findings()));
        book = switch (profile) {
            case "crash" -> SweepBooks.book(positions, 42);
            case "volatile" -> SweepBooks.volatileBook(positions, 42);
            case "calm" -> SweepBooks.calmBook(positions, 42);
            default -> throw new IllegalArgumentException("profile crash or calm, not " + profile);
        };
        at = book.asOf();
        snapshots = new Snapshot[] {SweepBooks.at(book, marks[0], at), SweepBooks.at(book, marks[1], at)};
        baseline = new PlainJavaSweep(Runtime.getRuntime().availableProcessors());
        if (!params.getBenchmark().endsWith("baselineEveryMarket")) {
            long start = System.nanoTime();
            sweep = MarketSweep.open(version, book, new SweepOptions(
                    new EvaluationLimits(Integer.MAX_VALUE, Duration.ofMinutes(30)), Runtime.getRuntime().availableProcessors()));
            System.out.printf("%n[sweep] opened %,d positions in %,d ms; ", sweep.positions(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        System.gc();
        System.out.printf("heap used after a full GC (book, snapshots%s): %,d MB%n", sweep == null ? "" : " and the resident session",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sweep != null) {
            SweepResult last = sweep.last();
            System.out.printf("%n[sweep] last tick: %s actions, %,d firings, %,d facts updated, assess %d ms, fire %d ms%n",
                    last.actionCounts(), last.ruleFirings(), last.factsUpdated(), last.assessTime().toMillis(),
                    last.fireTime().toMillis());
            System.out.printf("[sweep] firings by rule: %s%n", last.firingsByRule());
            sweep.close();
        }
        baseline.close();
        version.retire();
    }

    @Benchmark
    public SweepResult sweepEveryMarket() {
        at = at.plusSeconds(1);
        return sweep.tick(marks[(int) (ticks++ & 1)], at);
    }

    @Benchmark
    public SweepResult sweepOneMarket() {
        at = at.plusSeconds(1);
        return sweep.tick(btc[(int) (ticks++ & 1)], at);
    }

    @Benchmark
    public PlainJavaSweep.Outcome baselineEveryMarket() {
        return baseline.evaluate(snapshots[(int) (ticks++ & 1)]);
    }
}
