package com.deleverage.engine.sweep;

import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep carries each market's circuit-breaker session from tick to tick: each level halts once per session, a
 * level passed by a higher one is spent with it, and a new UTC day starts a new session from that tick's mark.
 * Marks of BTCUSDT on 10 Oct 2025 (the 5-minute USD-M bars of market-data/, replayed open, high, low, close).
 */
class BreakerSessionSweepTest {
    static final Instant OPEN = Instant.parse("2025-10-10T21:00:00Z");
    /** BTCUSDT's 00:00 UTC open on 10 Oct 2025: level 1 at <= 113,068.842 (x 0.93), level 2 at <= 105,774.078 (x 0.87). */
    static final BigDecimal REFERENCE = new BigDecimal("121579.4");

    final Evaluator evaluator = new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)));

    @Test
    void eachLevelHaltsOncePerSessionAndANewDayStartsANewSession() {
        Market btc = SweepBooks.market("BTCUSDT", new BigDecimal("115006.9")) // the 21:00 bar's open: no level
                .withBreaker(new CircuitBreakerSession(REFERENCE, LocalDate.parse("2025-10-10"), 0));
        Snapshot book = new Snapshot("deleveraging", OPEN, List.of(btc), List.of(), List.of());
        try (MarketSweep sweep = MarketSweep.open(MarketSweepTest.version, book)) {
            assertThat(halts(sweep.opening())).isEmpty();

            // 21:12:30, the 21:10 bar's low 109,069.0 <= 113,068.842: level 1, halt to 21:27:30. The tick decides what a
            // fresh evaluation of the market it evaluated (the session as carried, at the new mark) decides.
            Market evaluated = sweep.market("BTCUSDT").orElseThrow().withMarkPrice(new BigDecimal("109069.0"));
            SweepResult first = tick(sweep, "109069.0", "2025-10-10T21:12:30Z");
            assertThat(halts(first)).containsExactly(new HaltTrading("BTCUSDT", Instant.parse("2025-10-10T21:27:30Z"), 1,
                    "circuit breaker LEVEL_1: move -0.1029 from the session's reference price 121579.4 is a decline of at"
                            + " least 0.07; trading halts 15 minutes"));
            MarketSweepTest.assertSame(sweep, first, evaluator.evaluate(MarketSweepTest.version,
                    new Snapshot("deleveraging", first.asOf(), List.of(evaluated), List.of(), List.of())));
            assertThat(sweep.market("BTCUSDT").orElseThrow().breaker().highestLevelFired()).isEqualTo(1);

            // Still below level 1 (112,137.6 at 21:13:45, then 108,000): spent, no second halt.
            assertThat(halts(tick(sweep, "112137.6", "2025-10-10T21:13:45Z"))).isEmpty();
            assertThat(halts(tick(sweep, "108000", "2025-10-10T21:15:00Z"))).isEmpty();
            // 21:17:30, the 21:15 bar's low 102,193.6 <= 105,774.078: level 2, halt to 21:32:30.
            assertThat(halts(tick(sweep, "102193.6", "2025-10-10T21:17:30Z"))).extracting(HaltTrading::breakerLevel,
                    HaltTrading::until).containsExactly(org.assertj.core.groups.Tuple.tuple(2,
                    Instant.parse("2025-10-10T21:32:30Z")));
            // 21:21:15, the 21:20 bar's low 101,516.5 (a decline of 16.5%, under level 3's 20%): nothing.
            assertThat(halts(tick(sweep, "101516.5", "2025-10-10T21:21:15Z"))).isEmpty();
            assertThat(sweep.market("BTCUSDT").orElseThrow().breaker())
                    .isEqualTo(new CircuitBreakerSession(REFERENCE, LocalDate.parse("2025-10-10"), 2));

            // 11 Oct 00:00: a new session from that tick's mark 112,715.0 (the 00:00 bar's open), nothing fired.
            assertThat(halts(tick(sweep, "112715.0", "2025-10-11T00:00:00Z"))).isEmpty();
            assertThat(sweep.market("BTCUSDT").orElseThrow().breaker())
                    .isEqualTo(new CircuitBreakerSession(new BigDecimal("112715.0"), LocalDate.parse("2025-10-11"), 0));
            // 104,000 <= 112,715.0 x 0.93 = 104,824.95: level 1 halts again, once, in the new session.
            assertThat(halts(tick(sweep, "104000", "2025-10-11T00:05:00Z"))).extracting(HaltTrading::breakerLevel)
                    .containsExactly(1);
        }
    }

    @Test
    void aMarketWithoutASessionKeepsTheStatelessRuleAndGetsNoSession() {
        // No breaker session: the policy reads the 1-hour move (-8%: level 1) on every tick, as before.
        Market btc = new Market("BTCUSDT", new BigDecimal("98000"), null, null, new BigDecimal("-0.08"), null, null,
                SweepBooks.TIERS);
        Snapshot book = new Snapshot("deleveraging", OPEN, List.of(btc), List.of(), List.of());
        try (MarketSweep sweep = MarketSweep.open(MarketSweepTest.version, book)) {
            assertThat(halts(sweep.opening())).extracting(HaltTrading::breakerLevel).containsExactly(1);
            assertThat(halts(tick(sweep, "97000", "2025-10-10T21:01:00Z"))).extracting(HaltTrading::breakerLevel)
                    .containsExactly(1);
            assertThat(sweep.market("BTCUSDT").orElseThrow().breaker()).isNull();
        }
    }

    private static SweepResult tick(MarketSweep sweep, String mark, String at) {
        return sweep.tick(Map.of("BTCUSDT", new BigDecimal(mark)), Instant.parse(at));
    }

    private static List<HaltTrading> halts(SweepResult result) {
        return result.actions().stream().map(DecidedAction::action).filter(HaltTrading.class::isInstance)
                .map(HaltTrading.class::cast).toList();
    }
}
