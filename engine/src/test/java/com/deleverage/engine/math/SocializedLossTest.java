package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SocializedLossTest {

    private static BigDecimal sum(Map<String, BigDecimal> shares) {
        return shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void evenProfitsSplitTheLastCentByAccountId() {
        // 100.00 / 3 = 33.333...: floors 33.33 x 3 = 99.99; one cent left, equal remainders -> "a"
        Map<String, BigDecimal> shares = SocializedLoss.share(d("100.00"), Map.of("c", d("1"), "a", d("1"), "b", d("1")), 2);
        assertThat(shares).containsExactly(entry("a", d("33.34")), entry("b", d("33.33")), entry("c", d("33.33")));
        assertThat(sum(shares)).isEqualTo(d("100.00"));
    }

    @Test
    void exactProportionsNeedNoRounding() {
        // profits 500 / 300 / 200 of 1000: 10 x 0.5 = 5, 10 x 0.3 = 3, 10 x 0.2 = 2
        Map<String, BigDecimal> shares = SocializedLoss.share(d("10"), Map.of("x", d("500"), "y", d("300"), "z", d("200")), 2);
        assertThat(shares).containsExactly(entry("x", d("5.00")), entry("y", d("3.00")), entry("z", d("2.00")));
    }

    @Test
    void theLeftoverCentGoesToTheLargestRemainder() {
        // 1.00 over profits 2 / 3 / 6 (sum 11): 0.1818.., 0.2727.., 0.5454.. -> floors 0.18 + 0.27 + 0.54 = 0.99;
        // remainders 0.0018, 0.0027, 0.0054: the cent goes to c -> 0.55
        Map<String, BigDecimal> shares = SocializedLoss.share(d("1.00"), Map.of("a", d("2"), "b", d("3"), "c", d("6")), 2);
        assertThat(shares).containsExactly(entry("a", d("0.18")), entry("b", d("0.27")), entry("c", d("0.55")));
    }

    @Test
    void twoLeftoverUnitsGoToTheTwoLargestRemaindersTiesByAccount() {
        // 100 over profits 1 / 1 / 1 / 3 (sum 6): 16.666.. x 3 and 50; floors 16.66 x 3 + 50.00 = 99.98;
        // remainders 0.00666.. for a, b, c and 0 for d: the two cents go to a and b
        Map<String, BigDecimal> shares = SocializedLoss.share(d("100"),
                Map.of("a", d("1"), "b", d("1"), "c", d("1"), "d", d("3")), 2);
        assertThat(shares).containsExactly(entry("a", d("16.67")), entry("b", d("16.67")), entry("c", d("16.66")),
                entry("d", d("50.00")));
    }

    @Test
    void eightDecimals() {
        // 1 over profits 1 / 2: 0.33333333|33.. and 0.66666666|66..; floors sum to 0.99999999;
        // remainders 0.0000000033.. < 0.0000000066..: b gets the unit
        Map<String, BigDecimal> shares = SocializedLoss.share(d("1"), Map.of("a", d("1"), "b", d("2")), 8);
        assertThat(shares).containsExactly(entry("a", d("0.33333333")), entry("b", d("0.66666667")));
    }

    @Test
    void losersTakeNoShare() {
        // only w has a profit: it takes all 12.34
        Map<String, BigDecimal> shares = SocializedLoss.share(d("12.34"),
                Map.of("w", d("40"), "flat", d("0"), "loser", d("-5")), 2);
        assertThat(shares).containsExactly(entry("w", d("12.34")));
        assertThat(SocializedLoss.share(d("12.34"), Map.of("loser", d("-5")), 2)).isEmpty();
    }

    @Test
    void sharesAlwaysSumExactlyToTheDeficit() {
        Map<String, BigDecimal> profits = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            profits.put("acct-" + i, d("1.1").multiply(BigDecimal.valueOf(i * i)));
        }
        for (String deficit : new String[]{"1234.57", "0.01", "0.06", "999999.99"}) {
            assertThat(sum(SocializedLoss.share(d(deficit), profits, 2))).as(deficit).isEqualTo(d(deficit).setScale(2));
        }
    }

    @Test
    void refusesANegativeDeficitOrOneFinerThanTheScale() {
        assertThatThrownBy(() -> SocializedLoss.share(d("-1"), Map.of("a", d("1")), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocializedLoss.share(d("1.005"), Map.of("a", d("1")), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
