package com.deleverage.engine.sweep;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's baseline decides what the policy decides (actions compared without their reason texts). */
class PlainJavaSweepTest {

    @Test
    void theBaselineDecidesTheSameActionsAsTheSweepOnTheBenchmarkBook() {
        Snapshot book = SweepBooks.book(2000, 42);
        Instant at = book.asOf();
        try (MarketSweep sweep = MarketSweep.open(MarketSweepTest.version, book);
             PlainJavaSweep baseline = new PlainJavaSweep(2)) {
            compare(baseline.evaluate(book), sweep.opening().actions(), sweep);
            for (String move : List.of("-0.02", "0.015", "-0.04")) {
                Map<String, BigDecimal> marks = SweepBooks.moved(new BigDecimal(move));
                at = at.plusSeconds(1);
                SweepResult result = sweep.tick(marks, at);
                compare(baseline.evaluate(SweepBooks.at(book, marks, at)), result.actions(), sweep);
            }
        }
    }

    private static void compare(PlainJavaSweep.Outcome baseline, List<DecidedAction> policy, MarketSweep sweep) {
        assertThat(baseline.actions()).map(PlainJavaSweepTest::key)
                .containsExactlyInAnyOrderElementsOf(policy.stream().map(a -> key(a.action())).toList());
        assertThat(baseline.actions()).hasSizeGreaterThan(20);
        assertThat(baseline.standings()).hasSize(sweep.positions());
        for (var standing : baseline.standings()) {
            assertThat(sweep.position(standing.accountId(), standing.symbol()).orElseThrow().adl()).isEqualTo(standing);
        }
        for (var account : baseline.accounts()) {
            assertThat(sweep.account(account.accountId()).orElseThrow().risk()).isEqualTo(account);
        }
    }

    /** An action without its reason: the reason texts of the baseline are shorter than the policy's. */
    private static String key(Action action) {
        return action.toString().replaceAll(", reason=.*]$", "]").replaceAll("reason=[^,\\]]*", "");
    }
}
