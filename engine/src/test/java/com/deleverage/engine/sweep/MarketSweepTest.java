package com.deleverage.engine.sweep;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioReader;
import com.deleverage.engine.testing.Snapshots;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resident sweep decides, tick after tick, what a fresh evaluation of the same snapshot decides. */
class MarketSweepTest {
    /** The reference policy, compiled once for the sweep tests (never retired: tests share it). */
    static final Map<String, String> REFERENCE = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
    static CompiledVersion version = compile(1);
    final Evaluator evaluator = new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)));

    static CompiledVersion compile(int v) {
        return new RuleSetCompiler().compile("deleveraging", v, REFERENCE).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
    }

    @Test
    void everyTickDecidesWhatAFreshEvaluationOfTheSameSnapshotDecides() {
        Snapshot book = SweepBooks.book(800, 7);
        List<Map<String, BigDecimal>> ticks = List.of(
                SweepBooks.moved(new BigDecimal("-0.02")),                    // every market
                Map.of("BTCUSDT", new BigDecimal("104000")),                  // one market only
                SweepBooks.moved(new BigDecimal("-0.035")),
                Map.of("ETHUSDT", new BigDecimal("3700"), "XRPUSDT", new BigDecimal("2.6")),
                SweepBooks.moved(BigDecimal.ZERO));                             // back where it started
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        book.markets().forEach(m -> marks.put(m.symbol(), m.markPrice()));
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            assertSame(sweep, sweep.opening(), evaluator.evaluate(version, book));
            Instant at = book.asOf();
            int actionsSeen = 0;
            for (Map<String, BigDecimal> tick : ticks) {
                at = at.plusSeconds(1);
                marks.putAll(tick);
                SweepResult result = sweep.tick(tick, at);
                Decision fresh = evaluator.evaluate(version, SweepBooks.at(book, marks, at));
                assertSame(sweep, result, fresh);
                actionsSeen += result.actions().size();
            }
            assertThat(actionsSeen).as("the ticks decide something").isGreaterThan(50);
            assertThat(sweep.oneTickRule()).as("the reference policy states no one-tick fact outside the tick's context, "
                    + "so its ticks stay incremental").isEmpty();
        }
    }

    @Test
    void aOneMarketTickReassessesOnlyTheAccountsHoldingIt() {
        Snapshot book = SweepBooks.book(400, 11);
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            SweepResult result = sweep.tick(Map.of("SOLUSDT", new BigDecimal("190"), "BTCUSDT", new BigDecimal("100000")),
                    book.asOf().plusSeconds(1));
            assertThat(result.movedMarkets()).containsExactly("SOLUSDT");
            assertThat(result.accountsReassessed()).isEqualTo(100);
            assertThat(result.positionsReassessed()).isEqualTo(400);
            SweepResult still = sweep.tick(Map.of(), book.asOf().plusSeconds(2));
            assertThat(still.movedMarkets()).isEmpty();
            assertThat(still.accountsReassessed()).isZero();
            assertThat(still.actions()).map(DecidedAction::action)
                    .containsExactlyInAnyOrderElementsOf(result.actions().stream().map(DecidedAction::action).toList());
        }
    }

    @Test
    void theReferenceScenariosDecideAlikeInASweepAndAfterMovesBackAndForth() {
        ScenarioReader reader = new ScenarioReader();
        int scenarios = 0;
        for (Map.Entry<String, String> file : REFERENCE.entrySet()) {
            if (!ScenarioReader.isScenarioFile(file.getKey())) {
                continue;
            }
            for (Scenario scenario : reader.read(file.getKey(), file.getValue())) {
                Snapshot given = scenario.given();
                try (MarketSweep sweep = MarketSweep.open(version, given)) {
                    assertSame(sweep, sweep.opening(), evaluator.evaluate(version, given));
                    Map<String, BigDecimal> marks = new HashMap<>();
                    given.markets().forEach(m -> marks.put(m.symbol(), m.markPrice()));
                    Instant at = given.asOf();
                    for (String factor : List.of("0.97", "1.02", "1")) {
                        Map<String, BigDecimal> moved = new HashMap<>();
                        given.markets().forEach(m -> moved.put(m.symbol(),
                                m.markPrice().multiply(new BigDecimal(factor)).setScale(m.markPrice().scale() + 2, RoundingMode.HALF_EVEN)));
                        at = at.plusSeconds(30);
                        // the markets as the sweep carries them: a breaker level fired in an earlier tick is spent
                        Snapshot carried = withMarkets(given, given.markets().stream()
                                .map(m -> sweep.market(m.symbol()).orElseThrow()).toList());
                        SweepResult result = sweep.tick(moved, at);
                        marks.putAll(moved);
                        assertSame(sweep, result, evaluator.evaluate(version, SweepBooks.at(carried, marks, at)));
                    }
                }
                scenarios++;
            }
        }
        assertThat(scenarios).isGreaterThan(10);
    }

    @Test
    void aPositionThatRecoversGetsNoActionOnTheNextTick() {
        // 1 BTC long from 100,000 on a 2,000 wallet: liquidatable at 98,300, warned at 98,500, healthy at 100,000.
        Account trader = new Account("trader", new BigDecimal("2000"), MarginMode.CROSS,
                List.of(new Position("BTCUSDT", BigDecimal.ONE, new BigDecimal("100000"), 50, null)));
        Snapshot book = new Snapshot("deleveraging", SweepBooks.AS_OF,
                List.of(SweepBooks.market("BTCUSDT", new BigDecimal("100000"))), List.of(), List.of(trader));
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            assertThat(accountActions(sweep.opening(), "trader")).isEmpty();
            SweepResult crash = sweep.tick(Map.of("BTCUSDT", new BigDecimal("98300")), SweepBooks.AS_OF.plusSeconds(1));
            assertThat(accountActions(crash, "trader")).contains("LIQUIDATE");
            SweepResult warning = sweep.tick(Map.of("BTCUSDT", new BigDecimal("98500")), SweepBooks.AS_OF.plusSeconds(2));
            assertThat(accountActions(warning, "trader")).containsExactly("MARGIN_CALL");
            SweepResult recovered = sweep.tick(Map.of("BTCUSDT", new BigDecimal("100000")), SweepBooks.AS_OF.plusSeconds(3));
            assertThat(accountActions(recovered, "trader")).isEmpty();
            assertThat(recovered.actions()).map(a -> a.action().type().name()).containsOnly("SET_FUNDING_RATE");
        }
    }

    @Test
    void aHeldFactStaysAndAFactStatedOutsideTheTicksContextStopsIncrementalTicks() {
        // Both rules match the one BTC position once, at the opening. A tick that moves nothing fires neither
        // again: the reduce-only insertLogical holds stays. The stated margin call would be withdrawn before the tick
        // and not stated again, although a fresh evaluation states it: the sweep names the rule and refuses to tick.
        String policy = Snapshots.drl("""
                rule "State a margin call"
                when
                    $p : PositionRisk(symbol == "BTCUSDT")
                then
                    insert(new MarginCall($p.accountId(), $p.symbol(), $p.marginRatio(), "stated"));
                end

                rule "Hold the position reduce-only"
                when
                    $p : PositionRisk(symbol == "BTCUSDT")
                then
                    insertLogical(new ReduceOnly($p.accountId(), $p.symbol(), null, "held"));
                end
                """);
        String held = policy.replace("insert(new MarginCall($p.accountId(), $p.symbol(), $p.marginRatio(), \"stated\"));", "");
        Snapshot book = Snapshots.of(Snapshots.btc("100000"), Snapshots.cross("a", "5000", "1", "100000"));
        CompiledVersion stating = new RuleSetCompiler().compile("stating", 1, Map.of("policy.drl", policy))
                .compiledVersion().orElseThrow();
        try (MarketSweep sweep = MarketSweep.open(stating, book)) {
            assertThat(types(sweep.opening())).containsExactlyInAnyOrder("MARGIN_CALL", "REDUCE_ONLY");
            assertThat(sweep.oneTickRule()).contains("State a margin call");
            assertThatThrownBy(() -> sweep.tick(Map.of(), book.asOf().plusSeconds(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'State a margin call'");
        } finally {
            stating.retire();
        }
        CompiledVersion holding = new RuleSetCompiler().compile("holding", 1, Map.of("policy.drl", held))
                .compiledVersion().orElseThrow();
        try (MarketSweep sweep = MarketSweep.open(holding, book)) {
            assertThat(sweep.oneTickRule()).isEmpty();
            assertThat(types(sweep.tick(Map.of(), book.asOf().plusSeconds(1)))).containsExactly("REDUCE_ONLY");
        } finally {
            holding.retire();
        }
    }

    private static List<String> types(SweepResult result) {
        return result.actions().stream().map(a -> a.action().type().name()).toList();
    }

    @Test
    void aResidentSweepKeepsItsRetiredVersionUntilItCloses() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion v1 = compile(1);
        registry.activate(v1);
        Snapshot book = SweepBooks.book(40, 3);
        MarketSweep sweep = MarketSweep.open(registry, book, SweepOptions.DEFAULT);
        CompiledVersion v2 = compile(2);
        registry.activate(v2); // retires v1 while the sweep holds it
        assertThat(v1.isDisposed()).isFalse();
        SweepResult tick = sweep.tick(SweepBooks.moved(new BigDecimal("-0.03")), book.asOf().plusSeconds(1));
        assertThat(tick.version()).isEqualTo(1);
        sweep.close();
        assertThat(v1.isDisposed()).isTrue();
        assertThatThrownBy(() -> sweep.tick(Map.of(), book.asOf().plusSeconds(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MarketSweep.open(v1, book)).isInstanceOf(IllegalStateException.class);
        try (MarketSweep next = MarketSweep.open(registry, book, SweepOptions.DEFAULT)) {
            assertThat(next.last().version()).isEqualTo(2);
        }
        v2.retire();
        assertThat(v2.isDisposed()).isTrue();
    }

    @Test
    void aTickRefusesUnknownMarketsAndNonPositivePrices() {
        Snapshot book = SweepBooks.book(8, 1);
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            assertThatThrownBy(() -> sweep.tick(Map.of("DOGEUSDT", BigDecimal.ONE), book.asOf()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOGEUSDT");
            assertThatThrownBy(() -> sweep.tick(Map.of("BTCUSDT", BigDecimal.ZERO), book.asOf()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(sweep.tick(Map.of("BTCUSDT", new BigDecimal("99000")), book.asOf()).tick()).isEqualTo(1);
        }
    }

    private static List<String> accountActions(SweepResult result, String account) {
        List<String> types = new ArrayList<>();
        for (DecidedAction a : result.actions()) {
            if (a.action().toString().contains(account)) {
                types.add(a.action().type().name());
            }
        }
        return types;
    }

    /** Same actions (with the rule and matched facts that decided each), same figures and ADL standings. */
    /**
     * The session holds only the accounts the policy watches (margin ratio 0.8 and up, or bankrupt). 0.1 BTC in
     * the first BTC tier (0.4%): at 100,000 the maintenance margin is 40 and a wallet of 52 gives 40 / 52 = 0.77,
     * not watched; at 99,900 the PnL is -10, equity 42, margin 39.96, ratio 0.95: a margin call; back at 100,000
     * the call is withdrawn; at 99,000 the PnL is -100 and equity -48: bankrupt, liquidated.
     */
    @Test
    void anAccountEntersTheSessionWhenItCrossesTheWatchedRatioAndLeavesWhenItFallsBack() {
        Market btc = new Market("BTCUSDT", new BigDecimal("100000"), null, null, null, null, null, SweepBooks.TIERS);
        Snapshot book = new Snapshot("deleveraging", SweepBooks.AS_OF, List.of(btc), List.of(), List.of(
                new Account("edge", new BigDecimal("52"), MarginMode.CROSS,
                        List.of(new Position("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("100000"), 10, null)))));
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            assertThat(sweep.opening().actions()).isEmpty();
            Instant at = book.asOf();
            List<List<String>> decided = new ArrayList<>();
            for (String mark : List.of("99900", "100000", "99000")) {
                at = at.plusSeconds(1);
                SweepResult result = sweep.tick(Map.of("BTCUSDT", new BigDecimal(mark)), at);
                assertSame(sweep, result, evaluator.evaluate(version,
                        SweepBooks.at(book, Map.of("BTCUSDT", new BigDecimal(mark)), at)));
                decided.add(result.actions().stream().map(a -> a.action().type() + " " + a.action().account()).sorted().toList());
            }
            assertThat(decided.get(0)).containsExactly("MARGIN_CALL edge");
            assertThat(decided.get(1)).isEmpty();
            assertThat(decided.get(2)).contains("LIQUIDATE edge").doesNotContain("MARGIN_CALL edge");
        }
    }

    /**
     * A tick may replace whole markets, not just their marks. BTCUSDT -8 % in the hour (a level-1 circuit
     * breaker: the reference policy halts trading at a 7 % decline) at a mark of 98,000; then the same mark
     * with no 1-hour move: only the market fact changes, no account is reassessed, and the halt is withdrawn.
     */
    @Test
    void aTickCanReplaceAWholeMarketAndTheMarketRulesSeeIt() {
        Snapshot book = SweepBooks.book(400, 13);
        Market btc = book.markets().get(0);
        Market falling = new Market("BTCUSDT", new BigDecimal("98000"), btc.indexPrice(), btc.openInterest(),
                new BigDecimal("-0.08"), btc.realizedVol1h(), btc.fundingPremium(), btc.riskTiers());
        Market steady = new Market("BTCUSDT", new BigDecimal("98000"), btc.indexPrice(), btc.openInterest(),
                null, btc.realizedVol1h(), btc.fundingPremium(), btc.riskTiers());
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            Instant at = book.asOf().plusSeconds(1);
            SweepResult halted = sweep.tick(List.of(falling), at);
            assertSame(sweep, halted, evaluator.evaluate(version, withMarket(book, falling, at)));
            assertThat(halted.movedMarkets()).containsExactly("BTCUSDT");
            assertThat(halted.actions()).map(a -> a.action().toString())
                    .anyMatch(a -> a.startsWith("HaltTrading[symbol=BTCUSDT"));

            SweepResult resumed = sweep.tick(List.of(steady), at.plusSeconds(1));
            assertSame(sweep, resumed, evaluator.evaluate(version, withMarket(book, steady, at.plusSeconds(1))));
            assertThat(resumed.movedMarkets()).isEmpty();
            assertThat(resumed.accountsReassessed()).isZero();
            assertThat(resumed.actions()).map(a -> a.action().toString()).noneMatch(a -> a.startsWith("HaltTrading"));
        }
    }

    @Test
    void aTickRefusesNewRiskTiersAndAnInvalidMarketAndStaysUsable() {
        Snapshot book = SweepBooks.book(40, 3);
        Market btc = book.markets().get(0);
        Market retiered = new Market("BTCUSDT", btc.markPrice(), null, null, null, null, null, btc.riskTiers().subList(0, 2));
        Market negative = new Market("BTCUSDT", new BigDecimal("-1"), null, null, null, null, null, btc.riskTiers());
        try (MarketSweep sweep = MarketSweep.open(version, book)) {
            Instant at = book.asOf().plusSeconds(1);
            assertThatThrownBy(() -> sweep.tick(List.of(retiered), at)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("risk tiers of BTCUSDT cannot change");
            assertThatThrownBy(() -> sweep.tick(List.of(negative), at))
                    .isInstanceOf(com.deleverage.engine.snapshot.InvalidSnapshotException.class)
                    .hasMessageContaining("markPrice");
            Map<String, BigDecimal> marks = SweepBooks.moved(new BigDecimal("-0.01"));
            assertSame(sweep, sweep.tick(marks, at), evaluator.evaluate(version, SweepBooks.at(book, marks, at)));
        }
    }

    private static Snapshot withMarkets(Snapshot book, List<Market> markets) {
        return new Snapshot(book.ruleSet(), book.asOf(), markets, book.insuranceFunds(), book.accounts());
    }

    private static Snapshot withMarket(Snapshot book, Market market, Instant at) {
        List<Market> markets = book.markets().stream().map(m -> m.symbol().equals(market.symbol()) ? market : m).toList();
        return new Snapshot(book.ruleSet(), at, markets, book.insuranceFunds(), book.accounts());
    }

    static void assertSame(MarketSweep sweep, SweepResult result, Decision fresh) {
        assertThat(result.version()).isEqualTo(fresh.version());
        assertThat(result.asOf()).isEqualTo(fresh.asOf());
        assertThat(result.actions()).map(DecidedAction::action)
                .containsExactlyInAnyOrderElementsOf(fresh.actions().stream().map(DecidedAction::action).toList());
        assertThat(result.actions()).map(a -> a.action() + " by " + a.rule() + " in " + a.file())
                .containsExactlyInAnyOrderElementsOf(fresh.actions().stream()
                        .map(a -> a.action() + " by " + a.rule() + " in " + a.file()).toList());
        assertThat(sweep.results()).isEqualTo(fresh.accounts());
    }
}
