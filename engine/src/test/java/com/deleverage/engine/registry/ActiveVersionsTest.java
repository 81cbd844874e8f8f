package com.deleverage.engine.registry;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.drl;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActiveVersionsTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Evaluator evaluator = new Evaluator();
    private final Snapshot book = of(btc("100000"), cross("acct-1", "1150", "-0.5", "98000"),
            cross("acct-2", "10000", "0.1", "90000"), cross("acct-3", "1000", "0.4", "102000"));

    /** Version n warns every account with reason "vn", and v(odd) also liquidates: actions tell versions apart. */
    private CompiledVersion version(int n) {
        String liquidate = n % 2 == 1 ? """
                rule "Liquidate"
                when
                    $p : PositionRisk( marginRatio >= 1 )
                then
                    insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "v%d"));
                end
                """.formatted(n) : "";
        Compilation result = compiler.compile("deleveraging", n, Map.of("p.drl", drl("""
                rule "Warn"
                when
                    $a : AccountRisk( )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "v%d"));
                end
                """.formatted(n) + liquidate)));
        assertThat(result.succeeded()).isTrue();
        return result.compiled();
    }

    @Test
    void aRuleSetWithoutActiveVersionFailsClearly() {
        assertThatThrownBy(() -> new ActiveVersions().evaluate(evaluator, "deleveraging", book))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.NO_ACTIVE_VERSION);
                    assertThat(e.getMessage()).isEqualTo("rule set 'deleveraging' has no active version");
                });
    }

    @Test
    void aBrokenVersionNeverReplacesTheActiveOne() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(version(1));

        Compilation broken = compiler.compile("deleveraging", 2, Map.of("p.drl", drl("rule \"x\" when then")));

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.findings()).isNotEmpty();
        Decision decision = registry.evaluate(evaluator, "deleveraging", book);
        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.actions()).hasSize(4); // three warnings and one liquidation, all "v1"
    }

    @Test
    void swapsDuringEvaluationsNeverMixVersions() throws Exception {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(version(1));
        List<CompiledVersion> upcoming = new ArrayList<>();
        for (int n = 2; n <= 21; n++) {
            upcoming.add(version(n));
        }
        AtomicBoolean swapping = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> versionsSeen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                started.countDown();
                int evaluations = 0;
                boolean last = false;
                while (!last) {
                    // Read before the evaluation: once the swaps are over, one more evaluation, which starts
                    // after the last activation and so must see version 21, however slow the machine.
                    last = !swapping.get();
                    Decision d = registry.evaluate(evaluator, "deleveraging", book);
                    evaluations++;
                    versionsSeen.add(d.version());
                    String tag = "v" + d.version();
                    int expectedActions = d.version() % 2 == 1 ? 4 : 3;
                    if (d.actions().size() != expectedActions
                            || d.actions().stream().anyMatch(a -> !a.action().reason().equals(tag))) {
                        violations.add("decision of version " + d.version() + " had " + d.actions());
                    }
                }
                return evaluations;
            }));
        }
        started.await();
        for (CompiledVersion next : upcoming) {
            Thread.sleep(15);
            registry.activate(next);
        }
        Thread.sleep(15);
        swapping.set(false);
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get();
        }
        pool.shutdown();

        assertThat(violations).isEmpty();
        assertThat(total).isGreaterThan(20);
        assertThat(versionsSeen).contains(21).hasSizeGreaterThan(20);
        assertThat(upcoming.subList(0, upcoming.size() - 1)).allMatch(CompiledVersion::isDisposed);
        assertThat(registry.active("deleveraging")).get().extracting(CompiledVersion::version).isEqualTo(21);
    }
}
