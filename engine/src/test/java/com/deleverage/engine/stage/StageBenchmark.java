package com.deleverage.engine.stage;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One tick of the stage split next to one fresh evaluation of the same book (four markets, four positions per
 * account), ticks alternating between the marks 1% below and 1% above the opening marks: {@code accountStage} is
 * the account stage of one of three account partitions (what one of three nodes does), {@code marketStage} the
 * market stage of every market, fed the hand-overs of all three partitions at those marks (as text, as they cross
 * the network), {@code freshEvaluation} the one evaluation both stages together must equal. Run (see
 * docs/performance.md): {@code ./mvnw -q -pl engine test-compile exec:exec@bench -Dbench="StageBenchmark -p
 * positions=100000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class StageBenchmark {
    private static final int PARTITIONS = 3;

    @Param({"10000", "100000"})
    public int positions;

    /** {@code crash} ({@link SweepBooks#book}): 7% of the accounts at or above the warning ratio after a 1% move. */
    @Param({"crash", "calm"})
    public String profile;

    private final List<Map<String, BigDecimal>> marks = List.of(
            SweepBooks.moved(new BigDecimal("-0.01")), SweepBooks.moved(new BigDecimal("0.01")));
    private final ActiveVersions registry = new ActiveVersions();
    private final List<Map<String, AccountHandover>> handoversAt = new ArrayList<>();
    private Evaluator evaluator;
    private CompiledVersion version;
    private Snapshot book;
    private AccountStage accountStage;
    private MarketStage marketStage;
    private Instant at;
    private long ticks;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> files = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
        version = new RuleSetCompiler().compile("deleveraging", 1, files).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
        registry.activate(version);
        SweepOptions options = new SweepOptions(new EvaluationLimits(Integer.MAX_VALUE, Duration.ofMinutes(30)), 1);
        evaluator = new Evaluator(options.limits());
        book = switch (profile) {
            case "crash" -> SweepBooks.book(positions, 42);
            case "calm" -> SweepBooks.calmBook(positions, 42);
            default -> throw new IllegalArgumentException("profile crash or calm, not " + profile);
        };
        at = book.asOf();
        List<AccountStage> partitions = new ArrayList<>();
        for (int part = 0; part < PARTITIONS; part++) {
            int owner = part;
            partitions.add(new AccountStage(book, registry, options, 1_000,
                    account -> Math.floorMod(account.hashCode(), PARTITIONS) == owner));
        }
        accountStage = partitions.getFirst();
        marketStage = new MarketStage(book, registry, options, 1_000, symbol -> true);
        int facts = 0;
        for (Map<String, BigDecimal> mark : marks) { // the hand-overs of every partition at each set of marks
            at = at.plusSeconds(1);
            Map<String, AccountHandover> handovers = new HashMap<>();
            for (AccountStage partition : partitions) {
                move(partition::apply, mark);
                partition.tick(at).handovers().forEach((account, h) -> handovers.put(account,
                        HandoverJson.read(HandoverJson.write(h))));
            }
            handoversAt.add(handovers);
            facts += handovers.values().stream().mapToInt(h -> h.facts().size()).sum();
        }
        System.out.printf("%n[stages] hand-over facts at the two marks: %,d%n", facts);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        accountStage.close();
        marketStage.close();
        version.retire();
    }

    @Benchmark
    public StageTick accountStage() {
        move(accountStage::apply, marks.get(next()));
        return accountStage.tick(at);
    }

    @Benchmark
    public StageTick marketStage() {
        int which = next();
        move(marketStage::apply, marks.get(which));
        handoversAt.get(which).values().forEach(marketStage::handover);
        handoversAt.get(1 - which).keySet().stream().filter(account -> !handoversAt.get(which).containsKey(account))
                .forEach(account -> marketStage.handover(new AccountHandover(account, List.of())));
        return marketStage.tick(at, version.version()).orElseThrow();
    }

    @Benchmark
    public Decision freshEvaluation() {
        return evaluator.evaluate(version, SweepBooks.at(book, marks.get(next()), at));
    }

    private int next() {
        at = at.plusSeconds(1);
        return (int) (ticks++ & 1);
    }

    private void move(java.util.function.Consumer<MarketEvent> stage, Map<String, BigDecimal> mark) {
        mark.forEach((symbol, price) -> stage.accept(new MarketEvent(symbol + "@" + at, symbol, at, price, null, null,
                null, null, null)));
    }
}
