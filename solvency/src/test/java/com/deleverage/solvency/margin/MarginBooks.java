package com.deleverage.solvency.margin;

import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Books for the margin epoch's tests and benchmark, and the reference policy's decision on them. Two markets with
 * Binance-shaped tier tables (maintenance amounts derived by the engine, Binance's {@code cum}); accounts cross
 * (four in five) or isolated, one or two positions, leverage from 2 to 150 and entries within ±10 % of the mark,
 * so that some pools are below maintenance margin and a few bankrupt.
 */
final class MarginBooks {
    static final BigDecimal BTC_MARK = new BigDecimal("103441.3");
    static final BigDecimal ETH_MARK = new BigDecimal("3751.27");
    /** The reference policy's parameters.yaml: {@code liquidationRatio: 1}; it liquidates ({@code LIQUIDATE}). */
    static final MarginRule REFERENCE_RULE = new MarginRule(BigDecimal.ONE, List.of(ActionType.LIQUIDATE));
    static final String DECISION_ID = "7d0c6a2e-5b1f-4c1e-9a51-3f2d8e6b9c10";

    private static CompiledVersion reference;

    private MarginBooks() {
    }

    static Market btc() {
        return market("BTCUSDT", BTC_MARK, "50000:0.004", "600000:0.005", "3000000:0.0065", "12000000:0.01",
                "70000000:0.02");
    }

    static Market eth() {
        return market("ETHUSDT", ETH_MARK, "50000:0.005", "600000:0.0065", "3000000:0.01", "12000000:0.02");
    }

    private static Market market(String symbol, BigDecimal mark, String... capsAndRates) {
        List<RiskTier> tiers = new ArrayList<>();
        BigDecimal floor = BigDecimal.ZERO;
        for (String tier : capsAndRates) {
            String[] parts = tier.split(":");
            BigDecimal cap = new BigDecimal(parts[0]);
            tiers.add(new RiskTier(floor, cap, new BigDecimal(parts[1]), null, 20));
            floor = cap;
        }
        return new Market(symbol, mark, null, null, null, null, null, tiers);
    }

    static Snapshot book(int accounts, long seed) {
        Random random = new Random(seed);
        List<Account> book = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            boolean cross = random.nextInt(5) != 0;
            int count = random.nextInt(3) == 0 ? 2 : 1;
            List<Position> positions = new ArrayList<>();
            BigDecimal wallet = BigDecimal.ZERO;
            for (int p = 0; p < count; p++) {
                boolean bitcoin = p == 0 ? random.nextBoolean() : !positions.get(0).symbol().equals("BTCUSDT");
                BigDecimal mark = bitcoin ? BTC_MARK : ETH_MARK;
                BigDecimal size = bitcoin ? BigDecimal.valueOf(1 + random.nextInt(5000), 3)
                        : BigDecimal.valueOf(1 + random.nextInt(5000), 2);
                BigDecimal quantity = random.nextBoolean() ? size : size.negate();
                BigDecimal entry = mark.multiply(BigDecimal.valueOf(900 + random.nextInt(201), 3))
                        .setScale(bitcoin ? 1 : 2, RoundingMode.HALF_UP);
                BigDecimal margin = size.multiply(entry).divide(BigDecimal.valueOf(2 + random.nextInt(149)), 2,
                        RoundingMode.HALF_UP);
                positions.add(new Position(bitcoin ? "BTCUSDT" : "ETHUSDT", quantity, entry, null,
                        cross ? null : margin));
                wallet = wallet.add(margin);
            }
            book.add(new Account("acct-" + i, cross ? wallet : new BigDecimal("10"),
                    cross ? MarginMode.CROSS : MarginMode.ISOLATED, positions));
        }
        return new Snapshot("deleveraging", Instant.parse("2025-10-10T21:15:00Z"), List.of(btc(), eth()), List.of(), book);
    }

    /** The reference policy of rules/deleveraging, compiled once. */
    static synchronized CompiledVersion reference() {
        if (reference == null) {
            reference = new RuleSetCompiler().compile("deleveraging", 1,
                    PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"))).compiledVersion().orElseThrow();
        }
        return reference;
    }

    /** The decision as the margin epoch sees it, logged under {@link #DECISION_ID}. */
    static DecisionFacts facts(Decision decision) {
        return DecisionFacts.of(DECISION_ID, decision);
    }

    static Decision decide(Snapshot snapshot) {
        return new Evaluator(new EvaluationLimits(100_000_000, Duration.ofMinutes(5))).evaluate(reference(), snapshot);
    }
}
