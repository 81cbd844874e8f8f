package com.deleverage.solvency.margin;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.solvency.zk.Opening;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.Verdict;
import com.deleverage.verifier.margin.MarginEpochFile;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.PoolStatement;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's account (docs/solvency.md, section 23): long 0.5 BTC from 105,000 at the mark 103,441.3, tier 2 of
 * BTCUSDT (floor 50,000, cap 600,000, rate 0.005, amount 50 = 50,000 × (0.005 − 0.004)); the table's other rates
 * are 0.004, 0.0065, 0.01 and 0.02, its amounts 0, 950, 11,450 and 131,450. Worked by hand:
 *
 * <pre>
 * scales: Q = 1 (0.5), mark 1 decimal so S = 1 + 1 = 2; wallets, cost basis 52,500 and tiers are whole; R = 4 (0.0065)
 * markScaled = 103441.3 · 10^(2−1) = 1,034,413       A = 0.5 · 10^1 = 5
 * N = 5 · 1,034,413 = 5,172,065 (51,720.65)          B = 0.5 · 105,000 · 10^2 = 5,250,000
 * P = N − B = −77,935 (−779.35)                      W = 900 · 10^2 = 90,000;  E = W + P = 12,065 (120.65)
 * tier 2 from its floor: N − (5,000,000 + 1) = 172,064;  up to its cap: 60,000,000 − N = 54,827,935
 * MM in 10^-(S+R): rate 0.005 · 10^4 = 50, amount 50 · 10^6: 50 · N − 50,000,000 = 258,603,250 − 50,000,000
 *   = 208,603,250 (208.60325)
 * liquidated (linked): 10^0 · MM − 1 · 10^4 · E = 208,603,250 − 120,650,000 = 87,953,250
 * with a wallet of 2,000 instead: E = 200,000 − 77,935 = 122,065; not linked:
 *   1 · 10^4 · E − MM − 1 = 1,220,650,000 − 208,603,250 − 1 = 1,012,046,749
 * </pre>
 */
class MarginWorkedExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MarginEpochBuilder builder = new MarginEpochBuilder(new SecureRandom());

    private static Snapshot oneAccount(String wallet) {
        return new Snapshot("deleveraging", Instant.parse("2025-10-10T21:15:00Z"), List.of(MarginBooks.btc()), List.of(),
                List.of(new Account("acct-1", new BigDecimal(wallet), MarginMode.CROSS, List.of(new Position("BTCUSDT",
                        new BigDecimal("0.5"), new BigDecimal("105000"), 10, null)))));
    }

    private static List<BigInteger> ranged(MarginTables tables, boolean linked, long wallet) throws Exception {
        PoolStatement statement = PoolStatement.of(tables, List.of(new PoolStatement.Claim("BTCUSDT", 2)), linked);
        List<Opening> variables = List.of(open(wallet), open(5), open(5_250_000), open(-77_935));
        return statement.ranged().stream().map(v -> AffineOpening.of(v, variables).value()).toList();
    }

    private static Opening open(long value) {
        return new Opening(BigInteger.valueOf(value), BigInteger.ZERO);
    }

    @Test
    void theReadmeAccountIsLiquidatedAndItsStatementHasTheValuesWorkedByHand() throws Exception {
        Snapshot snapshot = oneAccount("900");
        Decision decision = MarginBooks.decide(snapshot);
        MarginEpoch epoch = builder.build(snapshot, MarginBooks.facts(decision), MarginBooks.REFERENCE_RULE);
        MarginEpochFile file = JSON.readValue(epoch.epochJson(), MarginEpochFile.class);

        assertThat(file.moneyDecimals()).isEqualTo(2);
        assertThat(file.rateDecimals()).isEqualTo(4);
        assertThat(file.markets()).singleElement().satisfies(m -> {
            assertThat(m.mark()).isEqualTo("103441.3");
            assertThat(m.quantityDecimals()).isEqualTo(1);
            assertThat(m.tiers().get(1)).isEqualTo(new MarginEpochFile.Tier("50000", "600000", "0.005", "50"));
        });
        MarginTables tables = MarginTables.of(file);
        assertThat(tables.market("BTCUSDT").markScaled()).isEqualTo(1_034_413);
        assertThat(ranged(tables, true, 90_000)).containsExactly(BigInteger.valueOf(172_064),
                BigInteger.valueOf(54_827_935), BigInteger.valueOf(5_250_000), BigInteger.valueOf(90_000),
                BigInteger.valueOf(87_953_250));

        assertThat(epoch.linked()).isEqualTo(1);
        Verdict verdict = MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), epoch.digest(),
                JSON.writeValueAsString(epoch.openings().get("acct-1")));
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
        assertThat(verdict.lines()).anyMatch(l -> l.startsWith("relied on an action: account ")
                && l.contains(": LIQUIDATE, action ") && l.contains(MarginBooks.DECISION_ID));
        assertThat(verdict.lines()).anyMatch(l -> l.contains("your cross pool (account 'acct-1'")
                && l.contains("collateral 900 and BTCUSDT 0.5 at 105000 are exactly what is committed"));
    }

    @Test
    void anAccountHolderWhosePositionIsNotTheOneCommittedIsTold() throws Exception {
        Snapshot snapshot = oneAccount("900");
        MarginEpoch epoch = builder.build(snapshot, MarginBooks.facts(MarginBooks.decide(snapshot)),
                MarginBooks.REFERENCE_RULE);
        ObjectNode opening = JSON.valueToTree(epoch.openings().get("acct-1"));
        ((ObjectNode) opening.get("pools").get(0).get("positions").get(0)).put("quantity", "1");
        Verdict verdict = MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), null, opening.toString());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).startsWith("FAIL: the quantity of your BTCUSDT position is not the "
                + "value committed in the epoch");

        ((ObjectNode) opening.get("pools").get(0).get("positions").get(0)).put("quantity", "0.5");
        ((ObjectNode) opening.get("pools").get(0)).put("wallet", "901");
        assertThat(MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), null, opening.toString()).lines().getLast())
                .startsWith("FAIL: the collateral of your cross pool is not the value committed in the epoch");
    }

    @Test
    void withAWalletOf2000TheAccountIsHealthyUnlinkedAndShownBelowTheLiquidationRatio() throws Exception {
        Snapshot snapshot = oneAccount("2000");
        MarginEpoch epoch = builder.build(snapshot, MarginBooks.facts(MarginBooks.decide(snapshot)),
                MarginBooks.REFERENCE_RULE);
        MarginTables tables = MarginTables.of(JSON.readValue(epoch.epochJson(), MarginEpochFile.class));
        assertThat(ranged(tables, false, 200_000).getLast()).isEqualTo(BigInteger.valueOf(1_012_046_749));

        assertThat(epoch.linked()).isZero();
        Verdict verdict = MarginCheck.verify(epoch.epochJson(), epoch.poolsJsonl(), null, null);
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
        assertThat(verdict.lines()).noneMatch(l -> l.startsWith("relied on an action"));
    }
}
