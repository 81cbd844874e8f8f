package com.deleverage.engine.evaluate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.drl;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine refuses a decision in which a deficit vanishes or is settled twice, whatever the policy. */
class DeficitConservationTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    // bankrupt: long 1 @ 101000, wallet 500, mark 100000: UPnL -1000, equity -500; BP = 101000 - 500 / 1 = 100500.
    // Taken over at 100500 and closed at the mark: deficit = s x Q x (BP - M) = 1 x 1 x 500 = 500.
    // short: short 2 @ 103000, wallet 10000, the counterparty ADL can take the bankrupt long over with.
    private final Snapshot book = of(btc("100000"), cross("bankrupt", "500", "1", "101000"),
            cross("short", "10000", "-2", "103000"));

    /** A policy that takes the bankrupt position over at its bankruptcy price and settles it with {@code settle}. */
    private CompiledVersion settling(String settle) {
        var result = compiler.compile("test", 1, Map.of("policy.drl", drl("""
                import java.math.BigDecimal;
                rule "Take over and settle"
                when
                    $p : PositionRisk( bankrupt )
                then
                    insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "taken over"));
                    %s
                end
                """.formatted(settle))));
        assertThat(result.findings()).isEmpty();
        return result.compiled();
    }

    @Test
    void aDeficitHalfDrawnFromTheFundFailsTheEvaluation() {
        CompiledVersion version = settling("""
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), BigDecimal.valueOf(250), "half"));""");

        assertThatThrownBy(() -> new Evaluator().evaluate(version, book))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e ->
                        assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.DEFICIT_NOT_CONSERVED))
                .hasMessage("the decision settles 250 in BTCUSDT (insurance-fund draws, auto-deleveraging against the"
                        + " mark, socialised losses) for deficits of 500 from the positions it takes over there; every"
                        + " deficit must be settled in full");
    }

    @Test
    void aDeficitDrawnInFullPasses() {
        Decision decision = new Evaluator().evaluate(settling("""
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), BigDecimal.valueOf(500), "all of it"));"""), book);

        assertThat(decision.actions()).hasSize(2);
    }

    @Test
    void aDeficitSettledTwiceFailsToo() {
        // 500 drawn and 0.1 BTC auto-deleveraged at 100500: the ADL is worth 0.1 x (100500 - 100000) = 50 more.
        CompiledVersion version = settling("""
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), BigDecimal.valueOf(500), "all of it"));
                insert(new AutoDeleverage("short", $p.symbol(), $p.accountId(), new BigDecimal("0.1"), $p.bankruptcyPrice(), "and more"));""");

        assertThatThrownBy(() -> new Evaluator().evaluate(version, book))
                .hasMessageStartingWith("the decision settles 550 in BTCUSDT");
    }

    @Test
    void autoDeleveragingIsWorthWhatTheCounterpartyGivesUpAgainstTheMark() {
        // 0.6 BTC at 100500 = 0.6 x 500 = 300, and 200 from the fund: 500 in all.
        Decision decision = new Evaluator().evaluate(settling("""
                insert(new AutoDeleverage("short", $p.symbol(), $p.accountId(), new BigDecimal("0.6"), $p.bankruptcyPrice(), "ADL"));
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), BigDecimal.valueOf(200), "the rest"));"""), book);

        assertThat(decision.actions()).hasSize(3);
    }

    @Test
    void socialisedSharesMayPassTheDeficitByLessThanACentPerDeficit() {
        // 499.999 drawn + 0.01 socialised = 500.009: within a cent; 500.01 would not be.
        new Evaluator().evaluate(settling("""
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), new BigDecimal("499.999"), "fund"));
                insert(new SocializeLoss("short", $p.symbol(), new BigDecimal("0.01"), "a cent"));"""), book);

        assertThatThrownBy(() -> new Evaluator().evaluate(settling("""
                insert(new InsuranceFundDraw($p.accountId(), $p.symbol(), new BigDecimal("500"), "fund"));
                insert(new SocializeLoss("short", $p.symbol(), new BigDecimal("0.01"), "a cent"));"""), book))
                .hasMessageStartingWith("the decision settles 500.01 in BTCUSDT");
    }

    @Test
    void aPolicyThatSettlesNothingLeavesSettlementToTheVenue() {
        Decision decision = new Evaluator().evaluate(settling(""), book);

        assertThat(decision.actions()).hasSize(1);
    }
}
