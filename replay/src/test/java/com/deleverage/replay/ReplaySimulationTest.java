package com.deleverage.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.replay.path.PricePath;
import com.deleverage.replay.path.PriceTick;
import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.TickRecord;
import com.deleverage.replay.report.VersionResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulation loop on a three-account book with tiny policies, every figure worked by hand.
 * One tier: 0-10,000,000 notional, MMR 0.5%, no maintenance amount.
 * L1: cross, wallet 1,000, long 1 @ 100,000: bankruptcy price 100,000 - 1,000 / 1 = 99,000.
 * S1: cross, wallet 5,000, short 1 @ 100,000. S2: cross, wallet 5,000, short 1 @ 100,500.
 * Path: 100,000 at 21:00, 98,000 at 21:01 (L1's equity 1,000 - 2,000 = -1,000: bankrupt), 98,000 at 21:02.
 */
class ReplaySimulationTest {
    static final Instant T0 = Instant.parse("2025-10-10T21:00:00Z");
    static final List<RiskTier> TIERS = List.of(new RiskTier(d("0"), d("10000000"), d("0.005"), d("0"), 100));
    static final String LIQUIDATE_AT_BANKRUPTCY = """
            rule "liquidate at the bankruptcy price"
            when
                $a : AccountRisk( bankrupt || marginRatio >= 1 )
                $p : PositionRisk( accountId == $a.accountId )
            then
                insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "test"));
            end
            """;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static String drl(String rules) {
        return """
                package fixture;
                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.risk.PositionRisk;
                import com.deleverage.engine.evaluate.EvaluationContext;
                import com.deleverage.engine.action.*;
                import java.math.BigDecimal;
                """ + rules;
    }

    static ReplayPolicy policy(String label, String rules) {
        return ReplayPolicy.compile(label, "fixture", 1, Map.of("policy.drl", drl(rules)));
    }

    static Account cross(String id, String wallet, String quantity, String entry) {
        return new Account(id, d(wallet), MarginMode.CROSS, List.of(new Position("BTCUSDT", d(quantity), d(entry), 10, null)));
    }

    static PricePath path(String... marks) {
        List<PriceTick> ticks = new ArrayList<>();
        for (int i = 0; i < marks.length; i++) {
            ticks.add(PriceTick.mark(T0.plus(Duration.ofMinutes(i)), "BTCUSDT", d(marks[i])));
        }
        return new PricePath(ticks);
    }

    static ReplayRequest request(String fund, List<ReplayPolicy> policies, String... marks) {
        return ReplayRequest.of(path(marks), T0, T0.plus(Duration.ofMinutes(marks.length)),
                List.of(cross("L1", "1000", "1", "100000"), cross("S1", "5000", "-1", "100000"),
                        cross("S2", "5000", "-1", "100500")),
                Map.of("BTCUSDT", TIERS), Map.of("BTCUSDT", d(fund)), policies);
    }

    @Test
    void fundDrawSocialisedLossAndAdlMoveTheMoneyAsWorkedByHand() {
        ReplayPolicy fundOnly = policy("fund only", LIQUIDATE_AT_BANKRUPTCY);
        ReplayPolicy socialise = policy("socialise", LIQUIDATE_AT_BANKRUPTCY + """
                rule "S1 pays what the fund cannot"
                when
                    AccountRisk( accountId == "L1", bankrupt )
                then
                    insert(new SocializeLoss("S1", "BTCUSDT", new BigDecimal("450"), "test"));
                    // The decision must settle the whole deficit of 1 x (99,000 - 98,000) = 1,000 (the engine's
                    // conservation check); the replay pays market deficits from its own fund and ignores draws.
                    insert(new InsuranceFundDraw("L1", "BTCUSDT", new BigDecimal("550"), "test"));
                end
                """);
        ReplayPolicy adl = policy("adl", LIQUIDATE_AT_BANKRUPTCY + """
                rule "S2 takes L1's long over at its bankruptcy price"
                when
                    $p : PositionRisk( accountId == "L1", bankrupt )
                then
                    insert(new AutoDeleverage("S2", "BTCUSDT", "L1", $p.size(), $p.bankruptcyPrice(), "test"));
                end
                """);
        ReplayReport report = Replay.run(request("600", List.of(fundOnly, socialise, adl), "100000", "98000", "98000"));

        assertThat(report.ticks()).isEqualTo(3);
        assertThat(report.conserved()).isTrue();
        // Fund only: L1 closed at 99,000 (PnL -1,000, wallet 0, no fee left to pay); the market fills at 98,000:
        // deficit 1 x (99,000 - 98,000) = 1,000; the fund pays its 600, 400 is bad debt.
        VersionResult f = report.versions().get(0);
        assertThat(f.ledger().get("realisedPnl")).isEqualByComparingTo("-1000");
        assertThat(f.ledger().get("fees")).isEqualByComparingTo("0");
        assertThat(f.ledger().get("marketDeficits")).isEqualByComparingTo("1000");
        assertThat(f.ledger().get("fundDraws")).isEqualByComparingTo("600");
        assertThat(f.totals().badDebt()).isEqualByComparingTo("400");
        assertThat(f.totals().fundClosing()).isEqualByComparingTo("0");
        assertThat(f.outcomes().get("L1").collateral()).isEqualByComparingTo("0");
        assertThat(f.outcomes().get("L1").liquidated()).isEqualByComparingTo("1");
        assertThat(f.series().get(1).liquidations()).isEqualTo(1);
        assertThat(f.series().get(1).liquidatedNotional()).isEqualByComparingTo("98000");
        // Socialise: S1 is charged 450; 400 pays the deficit, 50 goes to the fund; no bad debt.
        VersionResult s = report.versions().get(1);
        assertThat(s.totals().socialisedLoss()).isEqualByComparingTo("450");
        assertThat(s.ledger().get("socialisedUsed")).isEqualByComparingTo("400");
        assertThat(s.totals().badDebt()).isEqualByComparingTo("0");
        assertThat(s.totals().fundClosing()).isEqualByComparingTo("50");
        assertThat(s.outcomes().get("S1").collateral()).isEqualByComparingTo("4550");
        // ADL: S2 closes 1 at 99,000: PnL -1 x (99,000 - 100,500) = +1,500, wallet 6,500; L1 closed at 99,000
        // too, so nothing reaches the market: no deficit, the fund is untouched.
        VersionResult a = report.versions().get(2);
        assertThat(a.totals().adls()).isEqualTo(1);
        assertThat(a.totals().adlNotional()).isEqualByComparingTo("99000");
        assertThat(a.totals().liquidations()).isEqualTo(1);
        assertThat(a.ledger().get("marketDeficits")).isEqualByComparingTo("0");
        assertThat(a.totals().fundClosing()).isEqualByComparingTo("600");
        assertThat(a.outcomes().get("S2").collateral()).isEqualByComparingTo("6500");
        assertThat(a.outcomes().get("S2").deleveraged()).isEqualByComparingTo("1");
        assertThat(a.outcomes().get("S2").position()).isEqualByComparingTo("0");
        // Pro rata, S1 and S2 (both in profit at 98,000, size 1 each) would each give 0.5: 0.5 over-closed.
        assertThat(a.totals().adlOverClose()).isEqualByComparingTo("0.5");
        assertThat(report.differences()).extracting(x -> x.account()).containsExactly("S2", "S1");
    }

    @Test
    void aMaintenanceMarginScaleTakesEffectOnTheNextTick() {
        // L1 with a wallet of 1,500 at 99,800: equity 1,500 - 200 = 1,300, MM 99,800 x 0.5% = 499, ratio 0.38: safe.
        // With the rates x4 (decided at the first tick, in force from the second): MM 1,996, ratio 1.5354.
        ReplayPolicy scaling = policy("scale", LIQUIDATE_AT_BANKRUPTCY + """
                rule "maintenance margin x4"
                when
                    EvaluationContext()
                then
                    insert(new ScaleMaintenanceMargin("BTCUSDT", new BigDecimal("4"), "test"));
                end
                """);
        ReplayRequest request = ReplayRequest.of(path("99800", "99800", "99800"), T0, T0.plus(Duration.ofMinutes(3)),
                List.of(cross("L1", "1500", "1", "100000"), cross("S1", "5000", "-1", "100000")),
                Map.of("BTCUSDT", TIERS), Map.of("BTCUSDT", d("10000")), List.of(scaling));
        VersionResult v = Replay.run(request).versions().get(0);
        assertThat(v.series()).extracting(TickRecord::liquidations).containsExactly(0, 1, 0);
        assertThat(v.violations()).isEmpty();
    }

    @Test
    void liquidationsWaitForTheEndOfAHaltWhenTheSettingsSaySo() {
        ReplayPolicy halting = policy("halt", LIQUIDATE_AT_BANKRUPTCY + """
                rule "halt two minutes at the first tick"
                when
                    $c : EvaluationContext( asOf == java.time.Instant.parse("2025-10-10T21:00:00Z") )
                then
                    insert(new HaltTrading("BTCUSDT", $c.asOf().plusSeconds(120), "test"));
                end
                """);
        ReplayRequest request = request("600", List.of(halting), "100000", "98000", "98000", "98000")
                .withSettings(new ReplaySettings(d("0.005"), Duration.ofHours(8), ReplaySettings.HaltBehaviour.DEFER_LIQUIDATIONS));
        VersionResult v = Replay.run(request).versions().get(0);
        assertThat(v.series()).extracting(TickRecord::halted).containsExactly(false, true, false, false);
        assertThat(v.series()).extracting(TickRecord::deferred).containsExactly(0, 1, 0, 0);
        assertThat(v.series()).extracting(TickRecord::liquidations).containsExactly(0, 0, 1, 0);
        assertThat(v.totals().halts()).isEqualTo(1);
        assertThat(v.violations()).isEmpty();
    }

    @Test
    void progressIsReportedPerTickAndAReplayCanBeCancelled() {
        ReplayPolicy p = policy("p", LIQUIDATE_AT_BANKRUPTCY);
        List<ReplayProgress> seen = new ArrayList<>();
        Replay.run(request("600", List.of(p), "100000", "98000", "98000").withProgress(seen::add, null));
        assertThat(seen).extracting(ReplayProgress::tick).containsExactly(1, 2, 3);
        assertThat(seen.get(2).fraction()).isEqualTo(1.0);

        AtomicBoolean cancel = new AtomicBoolean();
        ReplayRequest cancellable = request("600", List.of(p), "100000", "98000", "98000")
                .withProgress(progress -> cancel.set(progress.tick() == 2), cancel::get);
        assertThatThrownBy(() -> Replay.run(cancellable)).isInstanceOf(ReplayCancelledException.class)
                .hasMessageContaining("2025-10-10T21:02:00Z");
    }
}
