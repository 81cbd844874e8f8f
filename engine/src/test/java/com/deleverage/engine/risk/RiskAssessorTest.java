package com.deleverage.engine.risk;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.deleverage.engine.testing.Snapshots.BTC_TIERS;
import static com.deleverage.engine.testing.Snapshots.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Figures worked out by hand; the arithmetic is next to each assertion. */
class RiskAssessorTest {
    private static final Market BTC = new Market("BTCUSDT", d("95000"), null, null, null, null, null, BTC_TIERS);
    private static final Market ETH = new Market("ETHUSDT", d("2900"), null, null, null, null, null,
            List.of(new RiskTier(d("0"), d("1000000"), d("0.005"), d("0"), 50)));

    // x: cross, wallet 10000, long 1 BTC @ 100000 and short 10 ETH @ 3000
    private static final Account X = new Account("x", d("10000"), MarginMode.CROSS, List.of(
            new Position("BTCUSDT", d("1"), d("100000"), 20, null),
            new Position("ETHUSDT", d("-10"), d("3000"), 20, null)));
    // y: isolated, free wallet 100, long 0.5 BTC @ 96000 with 2000 isolated margin
    private static final Account Y = new Account("y", d("100"), MarginMode.ISOLATED, List.of(
            new Position("BTCUSDT", d("0.5"), d("96000"), 25, d("2000"))));
    // z: cross, wallet 100, long 1 BTC @ 100000: PnL -5000 wipes it out
    private static final Account Z = new Account("z", d("100"), MarginMode.CROSS, List.of(
            new Position("BTCUSDT", d("1"), d("100000"), 100, null)));

    private final Assessment assessment = new RiskAssessor().assess(new Snapshot("t",
            Instant.parse("2025-10-10T21:15:00Z"), List.of(BTC, ETH), List.of(), List.of(X, Y, Z)));

    private PositionRisk position(String account, String symbol) {
        return assessment.positions().stream().filter(p -> p.accountId().equals(account) && p.symbol().equals(symbol))
                .findFirst().orElseThrow();
    }

    private AccountRisk account(String id) {
        return assessment.accounts().stream().filter(a -> a.accountId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void crossAccountNetsItsPositions() {
        AccountRisk x = account("x");
        // BTC: N = 95000 (tier 2), MM = 95000 x 0.005 - 50 = 425, PnL = 1 x (95000 - 100000) = -5000
        // ETH: N = 29000, MM = 145, PnL = -10 x (2900 - 3000) = +1000
        assertThat(x.unrealizedPnl()).isEqualByComparingTo("-4000");
        assertThat(x.equity()).isEqualByComparingTo("6000");            // 10000 - 5000 + 1000
        assertThat(x.maintenanceMargin()).isEqualByComparingTo("570");  // 425 + 145
        assertThat(x.marginRatio()).isEqualByComparingTo("0.095");      // 570 / 6000
        assertThat(x.bankrupt()).isFalse();
    }

    @Test
    void crossPositionsCountTheOtherPositionsInTheirPrices() {
        PositionRisk btc = position("x", "BTCUSDT");
        assertThat(btc.tierNumber()).isEqualTo(2);
        assertThat(btc.maintenanceMargin()).isEqualByComparingTo("425");
        // LP = (10000 - 145 + 1000 + 50 - 1 x 100000) / (1 x 0.005 - 1) = -89095 / -0.995 = 89542.713567839...
        assertThat(btc.liquidationPrice()).isEqualByComparingTo("89542.71356784");
        // BP = 100000 - (10000 + 1000) / 1
        assertThat(btc.bankruptcyPrice()).isEqualByComparingTo("89000");

        PositionRisk eth = position("x", "ETHUSDT");
        // LP = (10000 - 425 - 5000 + 0 + 10 x 3000) / (10 x 0.005 + 10) = 34575 / 10.05 = 3440.2985074626...
        assertThat(eth.liquidationPrice()).isEqualByComparingTo("3440.29850746");
        // BP = 3000 + (10000 - 5000) / 10
        assertThat(eth.bankruptcyPrice()).isEqualByComparingTo("3500");
        assertThat(eth.equity()).isEqualByComparingTo("6000");
        assertThat(eth.poolMaintenanceMargin()).isEqualByComparingTo("570");
    }

    @Test
    void isolatedPositionsStandOnTheirOwnMargin() {
        PositionRisk btc = position("y", "BTCUSDT");
        // N = 47500 (tier 1), MM = 190, PnL = 0.5 x (95000 - 96000) = -500, pool equity = 2000 - 500 = 1500
        assertThat(btc.maintenanceMargin()).isEqualByComparingTo("190");
        assertThat(btc.equity()).isEqualByComparingTo("1500");
        assertThat(btc.marginRatio()).isEqualByComparingTo("0.1266666667"); // 190 / 1500, 10 places half-even
        assertThat(btc.bankruptcyPrice()).isEqualByComparingTo("92000");      // 96000 - 2000 / 0.5
        AccountRisk y = account("y");
        assertThat(y.equity()).isEqualByComparingTo("1600");                  // 100 + 2000 - 500
        assertThat(y.marginRatio()).isEqualByComparingTo("0.1266666667");     // its worst position
    }

    @Test
    void bankruptAccountsHaveNoRatioAndRankFirst() {
        AccountRisk z = account("z");
        assertThat(z.equity()).isEqualByComparingTo("-4900");  // 100 - 5000
        assertThat(z.bankrupt()).isTrue();
        assertThat(z.marginRatio()).isNull();
        // z is bankrupt; then y (0.1267) is riskier than x (0.095)
        assertThat(z.riskRank()).isEqualTo(1);
        assertThat(account("y").riskRank()).isEqualTo(2);
        assertThat(account("x").riskRank()).isEqualTo(3);
        assertThat(assessment.accounts()).extracting(AccountRisk::accountId).containsExactly("x", "y", "z");
    }

    @Test
    void aBankruptIsolatedPoolRanksByItsOwnEquityNotTheFreeWalletBesideIt() {
        // rich: isolated, free wallet 1,000,000, long 1 BTC @ 106000 with 1000 isolated margin: PnL -11000,
        // pool equity 1000 - 11000 = -10000 (bankrupt); account equity 1,000,000 + 1000 - 11000 = 990000.
        Account rich = new Account("rich", d("1000000"), MarginMode.ISOLATED, List.of(
                new Position("BTCUSDT", d("1"), d("106000"), 100, d("1000"))));
        Assessment withRich = new RiskAssessor().assess(new Snapshot("t", Instant.parse("2025-10-10T21:15:00Z"),
                List.of(BTC, ETH), List.of(), List.of(X, Y, Z, rich)));
        AccountRisk richRisk = withRich.accounts().get(3);

        assertThat(richRisk.equity()).isEqualByComparingTo("990000");
        assertThat(richRisk.weakestPoolEquity()).isEqualByComparingTo("-10000");
        // rich's pool at -10000 is riskier than z at -4900 (by account equity it ranked after z)
        assertThat(withRich.accounts()).extracting(AccountRisk::accountId, AccountRisk::riskRank)
                .containsExactly(tuple("x", 4), tuple("y", 3), tuple("z", 2), tuple("rich", 1));
        assertThat(account("z").weakestPoolEquity()).isEqualByComparingTo("-4900"); // cross: the account's equity
    }

    @Test
    void aLongWhoseMarginCoversItAllTheWayDownHasNoLiquidationOrBankruptcyPrice() {
        Account rich = new Account("rich", d("200000"), MarginMode.CROSS,
                List.of(new Position("BTCUSDT", d("1"), d("100000"), 1, null)));
        PositionRisk p = new RiskAssessor().assess(new Snapshot("t", Instant.EPOCH, List.of(BTC), List.of(),
                List.of(rich))).positions().get(0);
        // LP = (200000 + 50 - 100000) / (0.005 - 1) < 0; BP = 100000 - 200000 < 0: neither exists
        assertThat(p.liquidationPrice()).isNull();
        assertThat(p.bankruptcyPrice()).isNull();
        assertThat(p.notional()).isEqualTo(new BigDecimal("95000"));
    }
}
