package com.deleverage.engine.risk;

import com.deleverage.engine.math.AdlCandidate;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.math.AdlScore;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleveraged position is assessed again with its realised profit in the wallet. BTC at mark 100,000, one 1%
 * tier; the fill is 1 BTC at 100,500 (a bankrupt long's bankruptcy price). Figures by hand beside each test.
 */
class AdlReassessmentTest {
    private static final Market BTC = new Market("BTCUSDT", d("100000"), null, null, null, null, null,
            List.of(new RiskTier(d("0"), d("100000000"), d("0.01"), d("0"), 100)));
    private static final AdlReassessment BITMEX = new AdlReassessment(AdlRanking.BITMEX, List.of(BTC));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static AdlCandidate candidate(Account account) {
        List<PositionRisk> positions = new ArrayList<>();
        AccountRisk owner = new RiskAssessor().assessAccount(account, Map.of("BTCUSDT", BTC), positions);
        return new AdlCandidate(positions.getFirst(), owner, AdlScore.of(AdlRanking.BITMEX, positions.getFirst(), owner));
    }

    @Test
    void aCrossShortThatGaveHalfItsPositionScoresWithItsRealisedProfitAsMargin() {
        // short 2 @ 120,000, wallet 1,000: BP = 120,000 + 1,000 / 2 = 120,500;
        // score = (EP - M) x M / (EP x |M - BP|) = 20,000 x 100,000 / (120,000 x 20,500) = 0.8130081301.
        AdlCandidate before = candidate(new Account("p", d("1000"), MarginMode.CROSS,
                List.of(new Position("BTCUSDT", d("-2"), d("120000"), 20, null))));
        assertThat(before.score()).isEqualByComparingTo("0.8130081301");

        // 1 closed at 100,500: realised = 1 x (120,000 - 100,500) = 19,500 -> wallet 20,500; 1 left.
        // BP = 120,000 + 20,500 / 1 = 140,500; score = 20,000 x 100,000 / (120,000 x 40,500) = 0.4115226337.
        AdlCandidate after = BITMEX.afterFill(before, d("1"), d("100500"));

        assertThat(after.position().size()).isEqualByComparingTo("1");
        assertThat(after.position().bankruptcyPrice()).isEqualByComparingTo("140500");
        assertThat(after.owner().walletBalance()).isEqualByComparingTo("20500");
        assertThat(after.owner().equity()).isEqualByComparingTo("40500"); // 20,500 + 1 x 20,000
        assertThat(after.owner().riskRank()).isEqualTo(before.owner().riskRank());
        assertThat(after.score()).isEqualByComparingTo("0.4115226337");
    }

    @Test
    void anIsolatedShortHandsTheMarginOfTheClosedPartBackAndKeepsItsBankruptcyPrice() {
        // isolated short 2 @ 120,000 with 1,000 of isolated margin, free wallet 0: BP = 120,000 + 1,000 / 2 = 120,500.
        AdlCandidate before = candidate(new Account("i", d("0"), MarginMode.ISOLATED,
                List.of(new Position("BTCUSDT", d("-2"), d("120000"), 20, d("1000")))));

        // 1 closed at 100,500: isolated margin 1,000 x 1 / 2 = 500 stays, 500 goes back to the wallet with the
        // realised 19,500 -> wallet 20,000; BP = 120,000 + 500 / 1 = 120,500, unchanged, so is the score.
        AdlCandidate after = BITMEX.afterFill(before, d("1"), d("100500"));

        assertThat(after.position().position().isolatedMargin()).isEqualByComparingTo("500");
        assertThat(after.owner().walletBalance()).isEqualByComparingTo("20000");
        assertThat(after.position().bankruptcyPrice()).isEqualByComparingTo("120500");
        assertThat(after.score()).isEqualByComparingTo(before.score());
    }
}
