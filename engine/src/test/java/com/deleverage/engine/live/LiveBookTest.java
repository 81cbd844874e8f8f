package com.deleverage.engine.live;

import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.MarketSweep;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.sweep.SweepResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A live book decides, tick after tick, what a fresh evaluation of the same book decides, whatever account
 * events (fills that open, change, flip and close positions, deposits, withdrawals, margin-mode changes, new
 * accounts) and market events came between the ticks; a version switch takes effect at a tick boundary.
 */
class LiveBookTest {
    static final Map<String, String> REFERENCE = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"};
    final Evaluator evaluator = new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)));

    static CompiledVersion compile(int v) {
        return new RuleSetCompiler().compile("deleveraging", v, REFERENCE).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the reference policy does not compile"));
    }

    @Test
    void everyTickAfterAccountAndMarketEventsDecidesWhatAFreshEvaluationOfTheSameBookDecides() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion v1 = compile(1);
        registry.activate(v1);
        Snapshot opening = SweepBooks.book(400, 3);
        SplittableRandom random = new SplittableRandom(42);
        int applied = 0;
        int refused = 0;
        int incremental = 0;
        int actionsSeen = 0;
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 10_000)) {
            Instant at = opening.asOf();
            assertFresh(book, book.tick(at), v1, at);
            for (int round = 0; round < 8; round++) {
                at = at.plusSeconds(1);
                if (round % 2 == 0) { // even rounds: account events, then a market move
                    for (int e = 0; e < 25; e++) {
                        EventOutcome outcome = book.apply(accountEvent(book.snapshot(at), random, round + "-" + e, at));
                        if (outcome.kind() == EventOutcome.Kind.APPLIED) {
                            applied++;
                        } else {
                            refused++;
                        }
                    }
                }
                String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
                BigDecimal mark = book.snapshot(at).markets().stream().filter(m -> m.symbol().equals(symbol)).findFirst()
                        .orElseThrow().markPrice();
                BigDecimal factor = BigDecimal.valueOf(970 + random.nextInt(40), 3); // -3% to +0.9%
                assertThat(book.apply(new MarketEvent("mark-" + round, symbol, at,
                        mark.multiply(factor).setScale(4, RoundingMode.HALF_EVEN), null, null, new BigDecimal("0.0004"), null, null)).kind())
                        .isEqualTo(EventOutcome.Kind.APPLIED);
                SweepResult result = book.tick(at);
                if (result.tick() > 0) {
                    incremental++;
                }
                actionsSeen += result.actions().size();
                assertFresh(book, result, v1, at);
            }
        }
        assertThat(applied).as("account events applied").isGreaterThan(60);
        assertThat(refused).as("account events refused (withdrawals beyond the wallet, ...)").isPositive();
        assertThat(incremental).as("odd rounds move markets only: the sweep's incremental tick").isGreaterThanOrEqualTo(4);
        assertThat(actionsSeen).as("the ticks decide something").isGreaterThan(20);
    }

    /**
     * A policy written the old way states its actions with a plain insert on the figures. An incremental tick that
     * moves another market would withdraw such an action and not state it again (no fact its rule matched
     * changed); the live book evaluates such a version afresh at every tick instead. By hand: an ISOLATED long of
     * 1 ETH from 4,000 with 100 of isolated margin, at the mark 3,850, has a pool equity of 100 - 150 = -50: it is
     * liquidated at its bankruptcy price 4,000 - 100 / 1 = 3,900, at the first tick and after a move of BTC alone.
     */
    @Test
    void aPolicyStatingActionsWithAPlainInsertKeepsThemWhenAnotherMarketMoves() {
        String drl = """
                package deleveraging;
                import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
                import com.deleverage.engine.risk.PositionRisk;
                import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.action.Liquidate;
                rule "Liquidate an isolated position at its maintenance margin"
                when
                    $p : PositionRisk( marginMode == MarginMode.ISOLATED, bankrupt || marginRatio >= 1 )
                then
                    insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "pool below maintenance"));
                end
                """;
        CompiledVersion plain = new RuleSetCompiler().compile("deleveraging", 1, Map.of("plain.drl", drl)).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the test policy does not compile"));
        ActiveVersions registry = new ActiveVersions();
        registry.activate(plain);
        Instant at = SweepBooks.AS_OF;
        Snapshot opening = new Snapshot("deleveraging", at,
                List.of(SweepBooks.market("BTCUSDT", new BigDecimal("100000")), SweepBooks.market("ETHUSDT", new BigDecimal("3850"))),
                List.of(), List.of(
                new Account("iso", BigDecimal.ZERO, MarginMode.ISOLATED,
                        List.of(new Position("ETHUSDT", BigDecimal.ONE, new BigDecimal("4000"), null, new BigDecimal("100")))),
                new Account("btc", new BigDecimal("5000"), MarginMode.CROSS,
                        List.of(new Position("BTCUSDT", BigDecimal.ONE, new BigDecimal("100000"), null, null)))));
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 100)) {
            assertLiquidatedAt3900(book.tick(at));
            at = at.plusSeconds(1);
            book.apply(new MarketEvent("btc-up", "BTCUSDT", at, new BigDecimal("100500"), null, null, null, null, null));
            SweepResult afterBtcMoved = book.tick(at);
            assertLiquidatedAt3900(afterBtcMoved);
            assertFresh(book, afterBtcMoved, plain, at);
        }
        try (MarketSweep sweep = MarketSweep.open(plain, opening)) {
            assertThat(sweep.oneTickRule()).contains("Liquidate an isolated position at its maintenance margin");
            assertThatThrownBy(() -> sweep.tick(Map.of("BTCUSDT", new BigDecimal("100500")), SweepBooks.AS_OF.plusSeconds(1)))
                    .as("a sweep that cannot tick incrementally says so instead of losing the action")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("open a new sweep for every tick");
        }
    }

    /**
     * The circuit-breaker session a tick fires a level in is the book's from then on: a stream halts each level once
     * per session, through incremental ticks and through a tick that reopens the sweep (a position opened). The
     * marks of BreakerSessionSweepTest (BTCUSDT on 10 Oct 2025, session reference 121,579.4: level 1 at or below
     * 113,068.842, level 2 at or below 105,774.078).
     */
    @Test
    void aBreakerLevelFiredAtATickStaysFiredThroughLaterTicksAndReopenings() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion v1 = compile(1);
        registry.activate(v1);
        Market btc = SweepBooks.market("BTCUSDT", new BigDecimal("115006.9"))
                .withBreaker(new CircuitBreakerSession(new BigDecimal("121579.4"), LocalDate.parse("2025-10-10"), 0));
        Instant open = Instant.parse("2025-10-10T21:00:00Z");
        Snapshot opening = new Snapshot("deleveraging", open, List.of(btc), List.of(), List.of(
                new Account("a", new BigDecimal("50000"), MarginMode.CROSS,
                        List.of(new Position("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("115000"), null, null)))));
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 100)) {
            assertThat(breakerHalts(book.tick(open))).isEmpty();
            assertThat(breakerHalts(move(book, "109069.0", "2025-10-10T21:12:30Z"))).containsExactly(1);
            assertThat(breakerHalts(move(book, "112137.6", "2025-10-10T21:13:45Z"))).as("level 1 is spent").isEmpty();
            Instant opened = Instant.parse("2025-10-10T21:14:00Z");
            assertThat(book.apply(new AccountEvent.Transfer("t-b", "b", opened, new BigDecimal("1000"))).kind())
                    .as("a new account: the next tick reopens the sweep").isEqualTo(EventOutcome.Kind.APPLIED);
            assertThat(breakerHalts(move(book, "108000", "2025-10-10T21:15:00Z"))).as("still spent after a reopening").isEmpty();
            assertThat(breakerHalts(move(book, "102193.6", "2025-10-10T21:17:30Z"))).containsExactly(2);
            assertThat(breakerHalts(move(book, "101516.5", "2025-10-10T21:21:15Z"))).isEmpty();
            assertThat(book.snapshot(Instant.parse("2025-10-10T21:21:15Z")).markets().getFirst().breaker())
                    .isEqualTo(new CircuitBreakerSession(new BigDecimal("121579.4"), LocalDate.parse("2025-10-10"), 2));
        }
    }

    private static SweepResult move(LiveBook book, String mark, String at) {
        Instant when = Instant.parse(at);
        assertThat(book.apply(new MarketEvent("mark-" + at, "BTCUSDT", when, new BigDecimal(mark), null, null, null, null,
                null)).kind()).isEqualTo(EventOutcome.Kind.APPLIED);
        return book.tick(when);
    }

    private static List<Integer> breakerHalts(SweepResult tick) {
        return tick.actions().stream().map(DecidedAction::action).filter(HaltTrading.class::isInstance)
                .map(a -> ((HaltTrading) a).breakerLevel()).toList();
    }

    private static void assertLiquidatedAt3900(SweepResult tick) {
        assertThat(tick.actions()).singleElement().satisfies(a -> {
            Liquidate liquidate = (Liquidate) a.action();
            assertThat(liquidate.account()).isEqualTo("iso");
            assertThat(liquidate.quantity()).isEqualByComparingTo("1");
            assertThat(liquidate.price()).isEqualByComparingTo("3900");
        });
    }

    private void assertFresh(LiveBook book, SweepResult result, CompiledVersion version, Instant at) {
        Decision fresh = evaluator.evaluate(version, book.snapshot(at));
        assertThat(result.version()).isEqualTo(fresh.version());
        assertThat(result.asOf()).isEqualTo(at);
        assertThat(result.actions()).map(a -> a.action() + " by " + a.rule() + " in " + a.file())
                .containsExactlyInAnyOrderElementsOf(fresh.actions().stream()
                        .map(a -> a.action() + " by " + a.rule() + " in " + a.file()).toList());
        assertThat(book.results()).isEqualTo(fresh.accounts());
    }

    /** One random account event against the book as it stands: most are valid, some are refused. */
    private static AccountEvent accountEvent(Snapshot now, SplittableRandom random, String id, Instant at) {
        List<Account> accounts = now.accounts();
        int kind = random.nextInt(10);
        if (kind == 0) { // a new account: a deposit creates it
            return new AccountEvent.Transfer("t" + id, "new-" + id, at, BigDecimal.valueOf(1_000 + random.nextInt(5_000)));
        }
        Account a = accounts.get(random.nextInt(accounts.size()));
        if (kind == 1) { // deposits and withdrawals, some beyond the wallet
            BigDecimal amount = a.walletBalance().multiply(BigDecimal.valueOf(random.nextInt(-150, 100), 2)).setScale(2, RoundingMode.DOWN);
            return new AccountEvent.Transfer("t" + id, a.id(), at, amount.signum() == 0 ? BigDecimal.ONE : amount);
        }
        if (kind == 2) { // a margin-mode change: refused while positions are open
            return new AccountEvent.MarginModeChange("m" + id, a.id(), at,
                    a.marginMode() == MarginMode.CROSS ? MarginMode.ISOLATED : MarginMode.CROSS);
        }
        String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        BigDecimal mark = now.markets().stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElseThrow().markPrice();
        BigDecimal price = mark.multiply(BigDecimal.valueOf(995 + random.nextInt(10), 3)).setScale(4, RoundingMode.HALF_EVEN);
        Position held = a.positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElse(null);
        BigDecimal quantity;
        if (held != null && kind == 3) {
            quantity = held.quantity().negate(); // closes it
        } else if (held != null && kind == 4) {
            quantity = held.quantity().negate().multiply(BigDecimal.valueOf(2)); // flips it
        } else {
            quantity = BigDecimal.valueOf(1 + random.nextInt(200)).multiply(BigDecimal.valueOf(500, 0))
                    .divide(mark, 3, RoundingMode.HALF_EVEN).max(new BigDecimal("0.001"));
            if (random.nextBoolean()) {
                quantity = quantity.negate();
            }
        }
        BigDecimal isolatedMargin = a.marginMode() == MarginMode.ISOLATED
                ? quantity.abs().multiply(price).divide(BigDecimal.TEN, 2, RoundingMode.HALF_EVEN) : null;
        return new AccountEvent.Fill("f" + id, a.id(), at, symbol, quantity, price, isolatedMargin);
    }

    @Test
    void anAccountChangedInPlaceIsReassessedAtTheNextTickWithoutReopeningTheSweep() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion v1 = compile(1);
        registry.activate(v1);
        Snapshot opening = SweepBooks.book(400, 13);
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 1_000)) {
            Instant at = opening.asOf();
            assertThat(book.tick(at).tick()).isZero();
            // three withdrawals of most of a wallet and two fills adding to a held position: five accounts in place
            for (int k = 0; k < 3; k++) {
                Account a = opening.accounts().get(k);
                BigDecimal most = a.walletBalance().multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.DOWN).negate();
                assertThat(book.apply(new AccountEvent.Transfer("w" + k, a.id(), at, most)).kind()).isEqualTo(EventOutcome.Kind.APPLIED);
            }
            for (int k = 3; k < 5; k++) {
                Account a = opening.accounts().get(k);
                Position p = a.positions().getFirst();
                BigDecimal margin = a.marginMode() == MarginMode.ISOLATED ? p.isolatedMargin() : null;
                assertThat(book.apply(new AccountEvent.Fill("f" + k, a.id(), at, p.symbol(), p.quantity(), p.entryPrice(), margin)).kind())
                        .isEqualTo(EventOutcome.Kind.APPLIED);
            }
            at = at.plusSeconds(1);
            SweepResult inPlace = book.tick(at);
            assertThat(inPlace.tick()).as("the resident session's tick, not a reopened one").isEqualTo(1);
            assertThat(inPlace.accountsReassessed()).isEqualTo(5);
            assertFresh(book, inPlace, v1, at);

            Account closing = opening.accounts().get(5);
            Position p = closing.positions().getFirst();
            book.apply(new AccountEvent.Fill("close", closing.id(), at, p.symbol(), p.quantity().negate(), p.entryPrice(), null));
            at = at.plusSeconds(1);
            SweepResult reopened = book.tick(at);
            assertThat(reopened.tick()).as("a closed position changes the book's layout: the sweep opens again").isZero();
            assertFresh(book, reopened, v1, at);
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndARefusedOneChangesNothing() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(1));
        Snapshot opening = SweepBooks.book(8, 5);
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 100)) {
            Instant at = opening.asOf();
            var deposit = new AccountEvent.Transfer("dep-1", "acct-0000000", at, new BigDecimal("10"));
            BigDecimal before = opening.accounts().getFirst().walletBalance();
            assertThat(book.apply(deposit)).isEqualTo(new EventOutcome(EventOutcome.Kind.APPLIED, null));
            assertThat(book.apply(deposit)).isEqualTo(new EventOutcome(EventOutcome.Kind.DUPLICATE, null));
            assertThat(book.snapshot(at).accounts().getFirst().walletBalance()).isEqualByComparingTo(before.add(BigDecimal.TEN));
            assertThat(book.apply(new AccountEvent.Fill("f-1", "acct-0000000", at, "DOGEUSDT", BigDecimal.ONE, BigDecimal.ONE, null)))
                    .isEqualTo(new EventOutcome(EventOutcome.Kind.REFUSED, "market 'DOGEUSDT' is not in the book"));
            assertThat(book.apply(new MarketEvent("p-1", "DOGEUSDT", at, BigDecimal.ONE, null, null, null, null, null)))
                    .isEqualTo(new EventOutcome(EventOutcome.Kind.REFUSED, "market 'DOGEUSDT' is not in the book"));
            assertThat(book.apply(new MarketEvent("p-2", "BTCUSDT", at, new BigDecimal("-1"), null, null, null, null, null)).kind())
                    .isEqualTo(EventOutcome.Kind.REFUSED);
            assertThat(book.snapshot(at)).isEqualTo(new Snapshot(opening.ruleSet(), at, opening.markets(), opening.insuranceFunds(),
                    book.snapshot(at).accounts()));
            assertThat(book.snapshot(at).accounts().subList(1, opening.accounts().size()))
                    .isEqualTo(opening.accounts().subList(1, opening.accounts().size()));
        }
    }

    @Test
    void aVersionActivatedBetweenTicksDecidesFromTheNextTickOn() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(compile(1));
        Snapshot opening = SweepBooks.book(40, 9);
        try (LiveBook book = new LiveBook(opening, registry, SweepOptions.DEFAULT, 100)) {
            Instant at = opening.asOf();
            assertThat(book.tick(at).version()).isEqualTo(1);
            book.apply(new MarketEvent("p-1", "BTCUSDT", at, new BigDecimal("99000"), null, null, null, null, null));
            assertThat(book.tick(at.plusSeconds(1))).extracting(SweepResult::version, SweepResult::tick).containsExactly(1, 1L);
            CompiledVersion v2 = compile(2);
            registry.activate(v2);
            book.apply(new MarketEvent("p-2", "BTCUSDT", at, new BigDecimal("98000"), null, null, null, null, null));
            SweepResult switched = book.tick(at.plusSeconds(2));
            assertThat(switched.version()).isEqualTo(2);
            assertThat(switched.versionHash()).isEqualTo(v2.hash());
            assertThat(switched.actions()).map(DecidedAction::action).containsExactlyInAnyOrderElementsOf(
                    evaluator.evaluate(v2, book.snapshot(at.plusSeconds(2))).actions().stream().map(DecidedAction::action).toList());
        }
    }
}
