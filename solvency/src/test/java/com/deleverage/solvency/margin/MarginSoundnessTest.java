package com.deleverage.solvency.margin;

import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.solvency.zk.Opening;
import com.deleverage.solvency.zk.UncheckedRangeProver;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.SignProof;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Soundness probes: a venue that tries to pass off a pool below maintenance margin without an action, a position in
 * a tier it is not in, or an equity that does not follow from the committed positions gets no proof from the
 * platform's prover, and a proof forged with a prover that proves anything is refused by the verifier.
 *
 * <p>The account is the README's (long 0.5 BTC from 105,000, mark 103,441.3, notional 51,720.65 in tier 2, PnL
 * −779.35, maintenance margin 208.60325; in tier 1 it would be 51,720.65 × 0.004 = 206.8826) with a wallet of 986.85:
 * equity 986.85 − 779.35 = 207.5, at or above MM in tier 2 (ratio 208.60325 / 207.5 ≈ 1.0053) but not in tier 1.
 */
class MarginSoundnessTest {
    private final SecureRandom random = new SecureRandom();

    private static Snapshot account(String wallet) {
        return new Snapshot("deleveraging", Instant.parse("2025-10-10T21:15:00Z"), List.of(MarginBooks.btc()), List.of(),
                List.of(new Account("acct-1", new BigDecimal(wallet), MarginMode.CROSS, List.of(new Position("BTCUSDT",
                        new BigDecimal("0.5"), new BigDecimal("105000"), 10, null)))));
    }

    private static Decision withActions(Decision decision, List<DecidedAction> actions) {
        return new Decision(decision.ruleSet(), decision.version(), decision.versionHash(), decision.asOf(),
                decision.accounts(), actions, decision.firedRules(), decision.ruleFirings(), decision.elapsed());
    }

    private static final Snapshot BELOW = account("986.85");

    private static Decision noAction() {
        Decision decision = MarginBooks.decide(BELOW);
        assertThat(decision.actions()).anyMatch(a -> a.action() instanceof Liquidate l && l.account().equals("acct-1"));
        return withActions(decision, List.of());
    }

    private String verdictOf(PoolProver cheat) {
        MarginEpoch epoch = new MarginEpochBuilder(random, cheat).build(BELOW, MarginBooks.facts(noAction()),
                MarginBooks.REFERENCE_RULE);
        return MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), null, null).lines().getLast();
    }

    private PoolProver.RangeMaker provesAnything() {
        return new UncheckedRangeProver(random)::prove;
    }

    @Test
    void aPoolBelowMaintenanceMarginWithoutAnActionHasNoProof() {
        assertThatThrownBy(() -> new MarginEpochBuilder(random).build(BELOW, MarginBooks.facts(noAction()),
                MarginBooks.REFERENCE_RULE)).isInstanceOf(MarginNotProvable.class)
                .hasMessage("account acct-1 is at or above the liquidation ratio (or bankrupt) and the decision took no "
                        + "action the rule accepts on it");

        assertThat(verdictOf(new PoolProver(random, provesAnything())))
                .startsWith("FAIL: pools.jsonl line 1").contains("'margin ratio below the liquidation ratio' is not shown");
    }

    @Test
    void aPositionClaimedInALowerTierHasNoProof() {
        PoolProver tierOne = new PoolProver(random, provesAnything()) {
            @Override
            Proven prove(MarginTables tables, byte[] epochHash, PoolPlan plan) {
                PoolPlan.Placed placed = plan.positions().getFirst();
                assertThat(placed.tier()).isEqualTo(2);
                return super.prove(tables, epochHash, new PoolPlan(plan.accountId(), plan.salt(), plan.accountCommitment(),
                        plan.symbol(), plan.collateral(), List.of(new PoolPlan.Placed(placed.position(), 1)), plan.link()));
            }
        };
        // In tier 1 the statement's last value is positive: 10^4 × 20,750 − (40 × 5,172,065 − 0) − 1
        // = 207,500,000 − 206,882,600 − 1 = 617,399; only the cap bound fails: 5,000,000 − 5,172,065 < 0.
        assertThat(verdictOf(tierOne)).startsWith("FAIL: pools.jsonl line 1")
                .contains("'BTCUSDT notional within tier 1 up to its cap' is not shown");
    }

    @Test
    void anEquityThatDoesNotFollowFromTheCommittedPositionsHasNoProof() {
        // A PnL 10 USDT (1,000 units) better than the position gives: equity 217.5, above MM, so every range proof is
        // honest; only the sign proof, answered as if PnL − (N − B) were 0, is forged.
        PoolProver richer = new PoolProver(random) {
            @Override
            BigInteger committedPnl(BigInteger pnl) {
                return pnl.add(BigInteger.valueOf(1_000));
            }

            @Override
            SignProof signProof(byte[] context, ECPoint x, Opening xOpening, ECPoint y, Opening yOpening) {
                assertThat(xOpening.value()).isEqualTo(1_000);
                return new SignProver(random).prove(context, x, new Opening(BigInteger.ZERO, xOpening.blinding()), y,
                        yOpening);
            }
        };
        assertThat(verdictOf(richer)).startsWith("FAIL: pools.jsonl line 1")
                .contains("the sign proof of BTCUSDT fails");
    }

    @Test
    void anActionOnAHealthyPoolIsNotWhatTheRuleRequires() {
        Snapshot healthy = account("2000");
        Decision decision = withActions(MarginBooks.decide(healthy), List.of(new DecidedAction(new Liquidate("acct-1",
                "BTCUSDT", new BigDecimal("0.5"), new BigDecimal("103441.3"), false, "probe"), "probe", "probe.drl",
                List.of())));
        assertThatThrownBy(() -> new MarginEpochBuilder(random).build(healthy, MarginBooks.facts(decision),
                MarginBooks.REFERENCE_RULE)).isInstanceOf(MarginNotProvable.class)
                .hasMessage("account acct-1 is below the liquidation ratio, yet the decision acted on it");
    }
}
