package com.deleverage.replay;

import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.replay.book.BookGenerator;
import com.deleverage.replay.book.BookJson;
import com.deleverage.replay.book.BookSpec;
import com.deleverage.replay.path.PriceBar;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookTest {
    static final List<RiskTier> TIERS = List.of(
            new RiskTier(new BigDecimal("0"), new BigDecimal("50000"), new BigDecimal("0.004"), BigDecimal.ZERO, 125),
            new RiskTier(new BigDecimal("50000"), new BigDecimal("600000"), new BigDecimal("0.005"), new BigDecimal("50"), 100),
            new RiskTier(new BigDecimal("600000"), new BigDecimal("1000000000"), new BigDecimal("0.01"), new BigDecimal("3050"), 50));

    static BookSpec spec(long seed) {
        return BookSpec.defaults(seed, 1000, "BTCUSDT", new BigDecimal("121000"), new BigDecimal("500"), TIERS);
    }

    @Test
    void theSameSeedGivesTheSameBookAndAnotherSeedAnother() {
        List<Account> a = BookGenerator.generate(spec(42));
        assertThat(BookGenerator.generate(spec(42))).isEqualTo(a);
        assertThat(BookGenerator.generate(spec(43))).isNotEqualTo(a);
        assertThat(BookJson.write(BookGenerator.generate(spec(42)))).isEqualTo(BookJson.write(a));
    }

    @Test
    void longsAndShortsEachAddUpToTheOpenInterestAndTheMixFollowsTheParameters() {
        List<Account> book = BookGenerator.generate(spec(7));
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        int isolated = 0;
        for (Account account : book) {
            Position p = account.positions().get(0);
            if (p.quantity().signum() > 0) {
                longs = longs.add(p.quantity());
            } else {
                shorts = shorts.subtract(p.quantity());
            }
            assertThat(p.quantity().remainder(new BigDecimal("0.001"))).isZero();
            if (account.marginMode() == MarginMode.ISOLATED) {
                isolated++;
                assertThat(p.isolatedMargin()).isPositive();
            } else {
                assertThat(p.isolatedMargin()).isNull();
            }
            // Nobody starts within twice its maintenance margin at the reference price.
            BigDecimal pool = account.marginMode() == MarginMode.ISOLATED ? p.isolatedMargin() : account.walletBalance();
            BigDecimal equity = pool.add(PositionMath.unrealizedPnl(p.quantity(), p.entryPrice(), new BigDecimal("121000")));
            BigDecimal mm = TierTable.maintenanceMargin(TIERS, PositionMath.notional(p.quantity(), new BigDecimal("121000")));
            assertThat(equity).isGreaterThanOrEqualTo(mm.multiply(BigDecimal.TWO));
        }
        assertThat(longs).isEqualByComparingTo("500");
        assertThat(shorts).isEqualByComparingTo("500");
        assertThat(isolated).isBetween(240, 360);
        assertThat(book).extracting(Account::id).startsWith("acct-00001", "acct-00002").isSorted();
    }

    @Test
    void aBookReadsFromAnEvaluationRequestOrABareArray() {
        List<Account> book = BookJson.read(MarketData.REPO.resolve("replay/src/test/resources/replay/book.json"));
        assertThat(book).extracting(Account::id).containsExactly("a", "b");
        assertThat(book.get(1).positions().get(0).isolatedMargin()).isEqualByComparingTo("2000");
        assertThat(BookJson.read(BookJson.write(book))).isEqualTo(book);
        assertThatThrownBy(() -> BookJson.read("[{\"id\":\"a\",\"walletBalance\":\"x\",\"marginMode\":\"CROSS\"}]"))
                .isInstanceOf(InvalidSnapshotException.class);
    }

    /**
     * Survivorship, worked by hand. History: a flat bar at 100,000, then a wick to 50,000 closing at 60,000; every
     * account 5x cross, no margin buffer, equal sizes. A long opened at 100,000 holds 20% of its notional: at 50,000 it
     * has lost 50%, so the wick would have liquidated it and it opens at the last bar's close, 60,000, with a wallet of
     * 60,000 q / 5 = 12,000 q. A short opened at 100,000 never sees a price above it (the wick bar's high is 100,000):
     * it keeps its entry, wallet 20,000 q. Shorts drawn at the last bar open at 60,000.
     */
    @Test
    void aPositionTheHistoryWouldHaveLiquidatedOpensAtTheFirstLaterBarItSurvives() {
        Instant t = Instant.parse("2025-10-10T19:50:00Z");
        BigDecimal top = new BigDecimal("100000");
        List<PriceBar> history = List.of(
                new PriceBar("BTCUSDT", t, Duration.ofMinutes(5), top, top, top, top),
                new PriceBar("BTCUSDT", t.plusSeconds(300), Duration.ofMinutes(5), top, top, new BigDecimal("50000"),
                        new BigDecimal("60000")));
        BookSpec spec = new BookSpec(11, 200, "BTCUSDT", new BigDecimal("60000"), new BigDecimal("20"), TIERS, 0.5, 0,
                new TreeMap<>(Map.of(5, 1)), 0, 0, 0, BigDecimal.ONE, new BigDecimal("0.001"), history);
        List<BigDecimal> shortEntries = new ArrayList<>();
        for (Account account : BookGenerator.generate(spec)) {
            Position p = account.positions().get(0);
            if (p.quantity().signum() > 0) {
                assertThat(p.entryPrice()).as(account.id()).isEqualByComparingTo("60000");
                assertThat(account.walletBalance()).as(account.id()).isEqualByComparingTo(p.quantity().multiply(new BigDecimal("12000")));
            } else {
                shortEntries.add(p.entryPrice());
                BigDecimal initialMargin = p.quantity().abs().multiply(p.entryPrice()).divide(BigDecimal.valueOf(5));
                assertThat(account.walletBalance()).as(account.id()).isEqualByComparingTo(initialMargin);
            }
        }
        assertThat(shortEntries).extracting(BigDecimal::toPlainString).containsOnly("100000", "60000")
                .contains("100000", "60000");
    }
}
