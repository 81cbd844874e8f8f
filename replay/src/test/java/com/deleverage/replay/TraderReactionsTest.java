package com.deleverage.replay;

import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.VersionResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.deleverage.replay.ReplaySimulationTest.LIQUIDATE_AT_BANKRUPTCY;
import static com.deleverage.replay.ReplaySimulationTest.d;
import static com.deleverage.replay.ReplaySimulationTest.policy;
import static com.deleverage.replay.ReplaySimulationTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trader reactions between ticks, on ReplaySimulationTest's book (one tier: MMR 0.5%, no maintenance amount;
 * L1 cross, wallet 1,000, long 1 @ 100,000; S1 short 1 @ 100,000 and S2 short 1 @ 100,500, wallets 5,000), every
 * figure worked by hand. The policy liquidates at the bankruptcy price at a margin ratio of 1 and calls the margin
 * of every account at 0.9 or more.
 */
class TraderReactionsTest {
    static final String MARGIN_CALL_AT_0_9 = """
            rule "margin call at 0.9"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= 0.9, marginRatio < 1 )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "test"));
            end
            """;

    static TraderReactions topUps(double probability) {
        return new TraderReactions(1, probability, d("3"), 0, d("0.5"), 0.02, 0, d("0.5"), new TreeMap<>(Map.of(10, 1)), 0);
    }

    /**
     * 21:00 at 100,000: L1's equity 1,000, MM 500, ratio 0.5: no call. 21:01 at 99,500: equity 1,000 - 500 = 500,
     * MM 0.005 x 99,500 = 497.5, ratio 0.995: called. The top-up brings the equity to 3 x 497.5 = 1,492.5: a deposit of
     * 992.5, wallet 1,992.5. 21:02 at 98,550: equity 1,992.5 - 1,450 = 542.5, MM 492.75, ratio 0.908: called again,
     * but L1 decided on its first call, so no second deposit; without the top-up it would be bankrupt
     * (1,000 - 1,450 = -450) and liquidated at 99,000.
     */
    @Test
    void aMarginCalledSurvivorThatTopsUpAddsCollateralOnceToThreeTimesItsMaintenanceMargin() {
        ReplayPolicy policy = policy("calls", LIQUIDATE_AT_BANKRUPTCY + MARGIN_CALL_AT_0_9);
        ReplayReport report = Replay.run(request("600", List.of(policy), "100000", "99500", "98550")
                .withReactions(topUps(1)));
        VersionResult v = report.versions().get(0);
        assertThat(v.totals().marginCalls()).isEqualTo(2);
        assertThat(v.ledger().get("deposits")).isEqualByComparingTo("992.50");
        assertThat(v.outcomes().get("L1").collateral()).isEqualByComparingTo("1992.50");
        assertThat(v.outcomes().get("L1").position()).isEqualByComparingTo("1");
        assertThat(v.totals().liquidations()).isZero();
        // collateral in = 11,000 opening + 992.50 deposited = the book's 11,992.50 at the end
        assertThat(v.ledger().get("collateralIn")).isEqualByComparingTo("11992.50");
        assertThat(v.violations()).isEmpty();
    }

    /** The same replay where nobody tops up: L1 is bankrupt at 98,550 and liquidated at 99,000 (PnL -1,000). */
    @Test
    void aSurvivorThatDoesNotTopUpIsLiquidatedAndNeverComesBack() {
        ReplayPolicy policy = policy("calls", LIQUIDATE_AT_BANKRUPTCY + MARGIN_CALL_AT_0_9);
        ReplayReport report = Replay.run(request("600", List.of(policy), "100000", "99500", "98550", "99500")
                .withReactions(topUps(0)));
        VersionResult v = report.versions().get(0);
        assertThat(v.ledger().get("deposits")).isEqualByComparingTo("0");
        assertThat(v.outcomes().get("L1").liquidated()).isEqualByComparingTo("1");
        assertThat(v.outcomes().get("L1").position()).isEqualByComparingTo("0");
        assertThat(v.outcomes().get("L1").collateral()).isEqualByComparingTo("0");
        assertThat(v.violations()).isEmpty();
    }

    /**
     * 100,000, then a low of 98,000, then 100,000: 2.04% above the low, over the 2% threshold, so with an entry
     * probability of 1 one pair enters at 21:02 (epoch second 1,760,130,120), 0.5 each at 100,000: notional 50,000.
     * The drawn leverage 200 is capped at the tier's 100: collateral 50,000 / 100 = 500.00 each, no buffer;
     * deposits 1,000.00. Open interest at the end: longs 1 + 0.5, shorts 2 + 0.5: (1.5 + 2.5) / 2 = 2.
     */
    @Test
    void onTheReboundAPairOfNewEntrantsOpensAtTheMarkWithTheCappedLeverage() {
        ReplayPolicy policy = policy("calls", MARGIN_CALL_AT_0_9);
        TraderReactions entrants = new TraderReactions(1, 0, d("3"), 0, d("0.5"), 0.02, 1, d("0.5"),
                new TreeMap<>(Map.of(200, 1)), 0);
        VersionResult v = Replay.run(request("600", List.of(policy), "100000", "98000", "100000").withReactions(entrants))
                .versions().get(0);
        assertThat(v.outcomes()).containsKeys("entrant-BTCUSDT-1760130120-L", "entrant-BTCUSDT-1760130120-S")
                .hasSize(5);
        assertThat(v.outcomes().get("entrant-BTCUSDT-1760130120-L").position()).isEqualByComparingTo("0.5");
        assertThat(v.outcomes().get("entrant-BTCUSDT-1760130120-S").position()).isEqualByComparingTo("-0.5");
        assertThat(v.outcomes().get("entrant-BTCUSDT-1760130120-S").collateral()).isEqualByComparingTo("500.00");
        assertThat(v.ledger().get("deposits")).isEqualByComparingTo("1000.00");
        assertThat(v.totals().openInterestClosing()).isEqualByComparingTo("2");
        assertThat(v.violations()).isEmpty();

        // 98,000 x 1.021 = 100,058 > 100,000: under a 2.1% threshold nobody enters.
        TraderReactions higher = new TraderReactions(1, 0, d("3"), 0, d("0.5"), 0.021, 1, d("0.5"),
                new TreeMap<>(Map.of(200, 1)), 0);
        VersionResult none = Replay.run(request("600", List.of(policy), "100000", "98000", "100000").withReactions(higher))
                .versions().get(0);
        assertThat(none.outcomes()).hasSize(3);
        assertThat(none.ledger().get("deposits")).isEqualByComparingTo("0");
    }

    /**
     * A survivor that reduces instead: called at 99,500, it closes half of its long of 1 at the mark, realising
     * 0.5 x (99,500 - 100,000) = -250: wallet 750, position 0.5, nothing deposited. At the third tick, 99,500 again,
     * its ratio is 0.005 x 49,750 / (750 - 250) = 0.4975: no call.
     */
    @Test
    void aMarginCalledSurvivorThatReducesClosesItsShareAtTheMark() {
        ReplayPolicy policy = policy("calls", LIQUIDATE_AT_BANKRUPTCY + MARGIN_CALL_AT_0_9);
        TraderReactions reduce = new TraderReactions(1, 0, d("3"), 1, d("0.5"), 0.02, 0, d("0.5"),
                new TreeMap<>(Map.of(10, 1)), 0);
        VersionResult v = Replay.run(request("600", List.of(policy), "100000", "99500", "99500").withReactions(reduce))
                .versions().get(0);
        assertThat(v.totals().marginCalls()).isEqualTo(1);
        assertThat(v.outcomes().get("L1").position()).isEqualByComparingTo("0.5");
        assertThat(v.outcomes().get("L1").collateral()).isEqualByComparingTo("750");
        assertThat(v.ledger().get("realisedPnl")).isEqualByComparingTo("-250");
        assertThat(v.ledger().get("deposits")).isEqualByComparingTo("0");
        assertThat(v.totals().liquidations()).isZero();
        assertThat(v.violations()).isEmpty();
    }

    @Test
    void reactionsRejectProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> topUps(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraderReactions(1, 0, d("1"), 0, d("0.5"), 0.02, 0, d("0.5"),
                new TreeMap<>(Map.of(10, 1)), 0)).as("a top-up target of 1").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraderReactions(1, 0.6, d("3"), 0.5, d("0.5"), 0.02, 0, d("0.5"),
                new TreeMap<>(Map.of(10, 1)), 0)).as("top-up and reduce over 1").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraderReactions(1, 0, d("3"), 0.5, d("1"), 0.02, 0, d("0.5"),
                new TreeMap<>(Map.of(10, 1)), 0)).as("closing everything").isInstanceOf(IllegalArgumentException.class);
    }
}
