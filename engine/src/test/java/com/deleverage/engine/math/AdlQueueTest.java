package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;
import com.deleverage.engine.risk.PositionRisk;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.deleverage.engine.math.Facts.crossAccount;
import static com.deleverage.engine.math.Facts.d;
import static com.deleverage.engine.math.Facts.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AdlQueueTest {

    private static AdlCandidate shortOf(String account, String size, String pnl, String score) {
        PositionRisk position = position(account, "BTCUSDT", "-" + size, "60000", "58000").pnl(pnl).build();
        return new AdlCandidate(position, crossAccount(account, "1", "0", "0"), d(score));
    }

    /**
     * Shorts totalling 10 BTC among the profitable ones; "e" loses and has a high score. By score, ties by id:
     * b(2) a(2) c(2) d(1.9) f(0.1) g(2); quantity queued before each: 0, 2, 4, 6, 7.9, 8 of 10.
     */
    private static List<AdlCandidate> candidates() {
        return List.of(shortOf("g", "2", "50", "1"), shortOf("c", "2", "50", "7"), shortOf("e", "5", "-10", "8"),
                shortOf("a", "2", "50", "7"), shortOf("f", "0.1", "50", "3"), shortOf("b", "2", "50", "9"),
                shortOf("d", "1.9", "50", "5"));
    }

    /** A fill as "account quantity @ price", numbers without trailing zeros, so 1.0 and 1 read alike. */
    private static List<String> fills(AdlAllocation allocation) {
        return allocation.fills().stream().map(fill -> fill.account() + " " + plain(fill.quantity()) + " @ "
                + plain(fill.price()) + " vs " + fill.counterparty()).toList();
    }

    /** A standing as "account score quantile #position". */
    private static List<String> standings(AdlQueue queue) {
        return queue.standings().stream().map(standing -> standing.accountId() + " " + plain(standing.score()) + " q"
                + standing.quantile() + " #" + standing.queuePosition()).toList();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static AdlQueue queue() {
        return AdlQueue.of("BTCUSDT", Side.SHORT, candidates(), AdlEligibility.PROFITABLE);
    }

    @Test
    void ordersByScoreThenAccountAndGivesQuantilesByCumulativeQuantity() {
        // share queued before: b 0% -> 4; a exactly 20% -> 3; c exactly 40% -> 2; d exactly 60% -> 1;
        // f 79% (< 80%) -> 1; g exactly 80% -> 0. The losing "e" is not eligible.
        assertThat(standings(queue())).containsExactly("b 9 q4 #1", "a 7 q3 #2", "c 7 q2 #3", "d 5 q1 #4",
                "f 3 q1 #5", "g 1 q0 #6");
        assertThat(queue().standings()).extracting(AdlStanding::symbol).containsOnly("BTCUSDT");
    }

    @Test
    void allEligibilityQueuesLosersByTheirScore() {
        AdlQueue all = AdlQueue.of("BTCUSDT", Side.SHORT, candidates(), AdlEligibility.ALL);
        // total 15: b 0 -> 4; e 2/15 = 13% -> 4; a 7/15 = 46.7% -> 2; c 9/15 = 60% -> 1; d 11/15 = 73% -> 1;
        // f 12.9/15 = 86% -> 0; g 13/15 = 86.7% -> 0
        assertThat(all.standings()).extracting(AdlStanding::accountId, AdlStanding::quantile)
                .containsExactly(tuple("b", 4), tuple("e", 4), tuple("a", 2), tuple("c", 1), tuple("d", 1),
                        tuple("f", 0), tuple("g", 0));
        assertThat(all.remainingQuantity()).isEqualByComparingTo("15");
    }

    @Test
    void allocationWalksThreeCounterpartiesTakingPartOfTheLast() {
        AdlQueue queue = queue();
        AdlAllocation allocation = queue.allocate(d("5"), d("61000"), "x");
        // 5 = b 2 + a 2 + c 1 (of its 2), all at the bankrupt position's 61,000
        assertThat(fills(allocation)).containsExactly("b 2 @ 61000 vs x", "a 2 @ 61000 vs x", "c 1 @ 61000 vs x");
        assertThat(allocation.fills()).extracting(AdlFill::symbol).containsOnly("BTCUSDT");
        assertThat(allocation.uncovered()).isEqualByComparingTo("0");
        assertThat(allocation.fullyCovered()).isTrue();
    }

    @Test
    void aSecondBankruptcyContinuesWhereTheFirstLeftOff() {
        AdlQueue queue = queue();
        queue.allocate(d("5"), d("61000"), "x");
        // left: c 1, d 1.9, f 0.1, g 2 = 5; before: c 0 -> 4, d 1/5 = 20% -> 3, f 2.9/5 = 58% -> 2, g 3/5 = 60% -> 1
        assertThat(queue.standings()).extracting(AdlStanding::accountId, AdlStanding::quantile,
                        AdlStanding::queuePosition)
                .containsExactly(tuple("c", 4, 1), tuple("d", 3, 2), tuple("f", 2, 3), tuple("g", 1, 4));

        AdlAllocation second = queue.allocate(d("4"), d("61500"), "y");
        // 4 = c 1 + d 1.9 + f 0.1 + g 1 (of its 2)
        assertThat(fills(second)).containsExactly("c 1 @ 61500 vs y", "d 1.9 @ 61500 vs y", "f 0.1 @ 61500 vs y",
                "g 1 @ 61500 vs y");

        AdlAllocation third = queue.allocate(d("3"), d("62000"), "z");
        // only g's last 1 is left: 3 - 1 = 2 uncovered
        assertThat(fills(third)).containsExactly("g 1 @ 62000 vs z");
        assertThat(third.uncovered()).isEqualByComparingTo("2");
        assertThat(queue.standings()).isEmpty();
    }

    @Test
    void aPositionThatGaveIsRescoredAndTheNextFillGoesToTheNewHead() {
        // Each fill halves the score of the position that gave (a stand-in for its lower leverage): b gives 1 of
        // its 2 and falls from 9 to 4.5, behind a (7) and c (7); the next unit goes to a, which falls to 3.5,
        // then c (7 -> 3.5 after its unit). With a fixed order b would give the first two units, a the third.
        // (Within one bankruptcy re-ranking changes nothing: every position but the last gives all it has.)
        AdlRescoring halving = (candidate, quantity, price) -> new AdlCandidate(candidate.position(), candidate.owner(),
                candidate.score().divide(BigDecimal.TWO));
        AdlQueue queue = AdlQueue.of("BTCUSDT", Side.SHORT, candidates(), AdlEligibility.PROFITABLE, halving);

        AdlAllocation first = queue.allocate(d("1"), d("61000"), "x");
        AdlAllocation second = queue.allocate(d("1"), d("61000"), "y");
        AdlAllocation third = queue.allocate(d("1"), d("61000"), "z");

        assertThat(fills(first)).containsExactly("b 1 @ 61000 vs x");
        assertThat(fills(second)).containsExactly("a 1 @ 61000 vs y");
        assertThat(fills(third)).containsExactly("c 1 @ 61000 vs z");
        // d 5 > b 4.5 > a 3.5 = c 3.5 (ties by id) > f 3 > g 1; 1 + 1 + 1 of 10 taken
        assertThat(standings(queue)).extracting(s -> s.split(" ")[0]).containsExactly("d", "b", "a", "c", "f", "g");
        assertThat(queue.remainingQuantity()).isEqualByComparingTo("7");
    }

    @Test
    void anAccountIsNeverDeleveragedAgainstItself() {
        AdlAllocation allocation = queue().allocate(d("3"), d("61000"), "b");
        // b skipped: a 2 + c 1
        assertThat(fills(allocation)).containsExactly("a 2 @ 61000 vs b", "c 1 @ 61000 vs b");
    }

    @Test
    void refusesAPositionOfTheOtherSideOrMarket() {
        PositionRisk longPosition = position("l", "BTCUSDT", "1", "60000", "62000").pnl("2000").build();
        PositionRisk ethShort = position("e", "ETHUSDT", "-1", "3000", "2900").pnl("100").build();
        assertThatThrownBy(() -> AdlQueue.of("BTCUSDT", Side.SHORT, List.of(new AdlCandidate(longPosition, crossAccount("l", "1", "0", "0"), d("1"))),
                AdlEligibility.ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdlQueue.of("BTCUSDT", Side.SHORT, List.of(new AdlCandidate(ethShort, crossAccount("e", "1", "0", "0"), d("1"))),
                AdlEligibility.ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue().allocate(d("-1"), d("61000"), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankScoresTheSidesPositionsAndIgnoresTheRest() {
        // BitMEX scores of shorts entered at 50,000 with mark 45,000: PnL% = 0.1
        // p: BP 55,000 -> EffLev 45000 / 10000 = 4.5 -> 0.45; q: BP 50,000 -> EffLev 45000 / 5000 = 9 -> 0.9
        PositionRisk p = position("p", "BTCUSDT", "-1", "50000", "45000").pnl("5000").bankruptcyPrice("55000").build();
        PositionRisk q = position("q", "BTCUSDT", "-3", "50000", "45000").pnl("15000").bankruptcyPrice("50000").build();
        PositionRisk loser = position("r", "BTCUSDT", "-1", "40000", "45000").pnl("-5000").bankruptcyPrice("50000").build();
        PositionRisk longSide = position("s", "BTCUSDT", "2", "40000", "45000").pnl("10000").bankruptcyPrice("1").build();
        AdlQueue queue = AdlQueue.rank(AdlRanking.BITMEX, "BTCUSDT", Side.SHORT, List.of(p, longSide, loser, q),
                List.of(crossAccount("p", "1", "0", "0"), crossAccount("q", "1", "0", "0"),
                        crossAccount("r", "1", "0", "0"), crossAccount("s", "1", "0", "0")));
        // q first (0.9), 0 of 4 before -> 4; p (0.45), 3 of 4 = 75% before -> 1
        assertThat(standings(queue)).containsExactly("q 0.9 q4 #1", "p 0.45 q1 #2");
    }
}
