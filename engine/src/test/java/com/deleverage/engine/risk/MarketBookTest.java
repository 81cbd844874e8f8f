package com.deleverage.engine.risk;

import com.deleverage.engine.math.AdlCandidate;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Side;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One BTC market at mark 100,000 with a single 1% tier (no maintenance amount); every account is CROSS with a
 * wallet of 10,000. Figures by hand next to each assertion.
 */
class MarketBookTest {
    private static final Market BTC = new Market("BTCUSDT", d("100000"), null, null, null, null, null,
            List.of(new RiskTier(d("0"), d("100000000"), d("0.01"), d("0"), 100)));
    private static final Market ETH = new Market("ETHUSDT", d("4000"), null, null, null, null, null,
            List.of(new RiskTier(d("0"), d("100000000"), d("0.01"), d("0"), 100)));

    // long 1 @ 80,000: PnL +20,000. Bankruptcy price (cross, wallet 10,000): 80,000 - 10,000 / 1 = 70,000.
    // BitMEX score: PnL% = 20,000 / 80,000 = 0.25; effective leverage = 100,000 / |100,000 - 70,000| = 10/3;
    // score = 0.25 x 10/3 = 0.8333...
    private static final Account WINNER = cross("winner", new Position("BTCUSDT", d("1"), d("80000"), 10, null));
    // long 2 @ 90,000: PnL +20,000. BP = 90,000 - 10,000 / 2 = 85,000; PnL% = 10,000 / 90,000 = 0.1111...;
    // EffLev = 100,000 / 15,000 = 6.666...; score = 0.7407...
    private static final Account BIG = cross("big", new Position("BTCUSDT", d("2"), d("90000"), 10, null));
    // long 1 @ 105,000: PnL -5,000 (a loser); BP = 105,000 - 10,000 = 95,000; PnL% = -5,000 / 105,000;
    // EffLev = 100,000 / 5,000 = 20; score = PnL% / EffLev = -5,000 x 5,000 / (105,000 x 100,000) = -0.00238...
    // Also short 10 ETH @ 4,000 (another market, PnL 0).
    private static final Account LOSER = cross("loser", new Position("BTCUSDT", d("1"), d("105000"), 10, null),
            new Position("ETHUSDT", d("-10"), d("4000"), 10, null));
    // short 1 @ 105,000: PnL +5,000, the only short
    private static final Account SHORT = cross("short", new Position("BTCUSDT", d("-1"), d("105000"), 10, null));

    private static Account cross(String id, Position... positions) {
        return new Account(id, d("10000"), MarginMode.CROSS, List.of(positions));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Map<String, MarketBook> books() {
        Assessment a = new RiskAssessor().assess(new Snapshot("t", Instant.parse("2025-10-10T21:15:00Z"),
                List.of(BTC, ETH), List.of(), List.of(WINNER, BIG, LOSER, SHORT)));
        return MarketBook.of(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), a.accounts(), a.positions());
    }

    @Test
    void holdsEveryPositionOfItsMarketAndAnEmptyBookForAMarketNobodyHolds() {
        Map<String, MarketBook> books = books();
        assertThat(books.get("BTCUSDT").positions()).extracting(PositionRisk::accountId)
                .containsExactly("winner", "big", "loser", "short");
        assertThat(books.get("ETHUSDT").positions()).extracting(PositionRisk::accountId).containsExactly("loser");
        assertThat(books.get("SOLUSDT").getPositionCount()).isZero();
    }

    @Test
    void scoresOneSideForAnAdlQueueLeavingOutExcludedAccounts() {
        MarketBook btc = books().get("BTCUSDT");
        List<AdlCandidate> longs = btc.adlCandidates(Side.LONG, AdlRanking.BITMEX, Set.of("big"));
        assertThat(longs).extracting(c -> c.position().accountId(), c -> c.score().setScale(4, RoundingMode.HALF_EVEN))
                .containsExactly(tuple("winner", d("0.8333")), tuple("loser", d("-0.0024")));
        assertThat(btc.adlCandidates(Side.LONG, AdlRanking.BITMEX, Set.of()))
                .extracting(c -> c.position().accountId(), c -> c.score().setScale(4, RoundingMode.HALF_EVEN))
                .contains(tuple("big", d("0.7407")));
        assertThat(btc.adlCandidates(Side.SHORT, AdlRanking.BITMEX, Set.of())).extracting(c -> c.position().accountId())
                .containsExactly("short");
    }

    @Test
    void namesTheWinnersByTheirProfitLeavingOutEveryExcludedSet() {
        MarketBook btc = books().get("BTCUSDT");
        // profitable: winner +20,000, big +20,000, short +5,000; loser -5,000 never
        assertThat(btc.profitsByAccount()).containsExactly(Map.entry("winner", d("20000")), Map.entry("big", d("20000")),
                Map.entry("short", d("5000")));
        assertThat(btc.profitsByAccount(Set.of("winner"), Set.of("short"))).containsOnlyKeys("big");
    }

    @Test
    void theLightsRankBothSidesOfTheWholeMarket() {
        AdlLights lights = new AdlLights(books().get("BTCUSDT"), AdlRanking.BITMEX);
        // longs by score: winner 0.8333 > big 0.7407 > loser (negative): queue positions 1, 2, 3
        assertThat(lights.standing("winner").queuePosition()).isEqualTo(1);
        assertThat(lights.standing("big").queuePosition()).isEqualTo(2);
        assertThat(lights.standing("loser").queuePosition()).isEqualTo(3);
        // 4 BTC of longs; quantile = 4 - floor(5 x queued before / 4): winner 0 before -> 4; big 1 -> 4 - 1 = 3;
        // loser 3 -> 4 - floor(3.75) = 1
        assertThat(lights.standing("winner").quantile()).isEqualTo(4);
        assertThat(lights.standing("big").quantile()).isEqualTo(3);
        assertThat(lights.standing("loser").quantile()).isEqualTo(1);
        assertThat(lights.standing("short").queuePosition()).as("the only short").isEqualTo(1);
        assertThat(lights.standing("nobody")).isNull();
    }

    @Test
    void refusesAPositionOfAnotherMarketOrAnotherOwner() {
        Assessment a = new RiskAssessor().assess(new Snapshot("t", Instant.parse("2025-10-10T21:15:00Z"),
                List.of(BTC, ETH), List.of(), List.of(WINNER, LOSER)));
        PositionRisk winnerBtc = a.positions().get(0);
        PositionRisk loserEth = a.positions().get(2);
        assertThat(loserEth.symbol()).isEqualTo("ETHUSDT");
        assertThatThrownBy(() -> new MarketBook("BTCUSDT", new PositionRisk[] {loserEth}, new AccountRisk[] {a.accounts().get(1)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the book of BTCUSDT");
        assertThatThrownBy(() -> new MarketBook("BTCUSDT", new PositionRisk[] {winnerBtc}, new AccountRisk[] {a.accounts().get(1)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with the owner loser");
    }
}
