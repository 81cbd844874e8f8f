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
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

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
}
