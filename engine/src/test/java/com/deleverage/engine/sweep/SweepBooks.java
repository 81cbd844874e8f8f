package com.deleverage.engine.sweep;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic books for sweep tests and benchmarks: four markets, four positions per account (one per
 * market), nine cross accounts in ten, leverage 2-60x, entries within 4% of the mark, so that a move of a
 * few percent puts some pools into the warning, liquidation and bankruptcy classes.
 */
public final class SweepBooks {
    public static final Instant AS_OF = Instant.parse("2025-10-10T21:15:00Z");
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"};
    static final BigDecimal[] MARKS = {new BigDecimal("100000"), new BigDecimal("4000"), new BigDecimal("200"),
            new BigDecimal("2.5")};
    static final List<RiskTier> TIERS = List.of(
            new RiskTier(d("0"), d("50000"), d("0.004"), d("0"), 125),
            new RiskTier(d("50000"), d("600000"), d("0.005"), d("50"), 100),
            new RiskTier(d("600000"), d("3000000"), d("0.01"), d("3050"), 50),
            new RiskTier(d("3000000"), d("100000000"), d("0.025"), d("48050"), 20));

    private SweepBooks() {
    }

    /**
     * A crash book of {@code positions} positions (rounded up to whole accounts of four): leverage 2-60x,
     * entries within 4% of the mark. After a 1% move about 7% of the accounts are at or above the warning
     * ratio (5% bankrupt): tens of thousands of liquidations per million positions to decide on every tick.
     */
    public static Snapshot book(int positions, long seed) {
        return book(positions, seed, 60, 400);
    }

    /**
     * A volatile book: leverage 2-40x, entries within 3% of the mark. After a 1% move about 1.9% of the
     * accounts are at or above the warning ratio (1.1% bankrupt).
     */
    public static Snapshot volatileBook(int positions, long seed) {
        return book(positions, seed, 40, 300);
    }

    /**
     * A calm book: leverage 2-25x, entries within 2% of the mark; a 1% move puts no account at the warning
     * ratio, so a tick is the assessment and the market rules alone.
     */
    public static Snapshot calmBook(int positions, long seed) {
        return book(positions, seed, 25, 200);
    }

    private static Snapshot book(int positions, long seed, int maxLeverage, int entrySpreadBasisPoints) {
        SplittableRandom random = new SplittableRandom(seed);
        int accounts = (positions + SYMBOLS.length - 1) / SYMBOLS.length;
        List<Account> out = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            boolean cross = random.nextInt(10) != 0;
            List<Position> held = new ArrayList<>(SYMBOLS.length);
            BigDecimal margin = BigDecimal.ZERO;
            for (int m = 0; m < SYMBOLS.length; m++) {
                int leverage = 2 + random.nextInt(maxLeverage - 1);
                BigDecimal notional = BigDecimal.valueOf(500 + random.nextInt(40_000));
                BigDecimal entry = MARKS[m].multiply(BigDecimal.valueOf(10_000 - entrySpreadBasisPoints
                                + random.nextInt(2 * entrySpreadBasisPoints), 4))
                        .setScale(MARKS[m].scale() + 2, RoundingMode.HALF_EVEN);
                BigDecimal quantity = notional.divide(entry, 3, RoundingMode.HALF_EVEN).max(new BigDecimal("0.001"));
                if (random.nextBoolean()) {
                    quantity = quantity.negate();
                }
                BigDecimal initial = quantity.abs().multiply(entry).divide(BigDecimal.valueOf(leverage), 2, RoundingMode.HALF_EVEN);
                margin = margin.add(initial);
                held.add(new Position(SYMBOLS[m], quantity, entry, leverage, cross ? null : initial));
            }
            BigDecimal wallet = cross ? margin : margin.divide(BigDecimal.TEN, 2, RoundingMode.HALF_EVEN);
            out.add(new Account(String.format("acct-%07d", i), wallet, cross ? MarginMode.CROSS : MarginMode.ISOLATED, held));
        }
        List<Market> markets = new ArrayList<>();
        List<InsuranceFund> funds = new ArrayList<>();
        for (int m = 0; m < SYMBOLS.length; m++) {
            markets.add(market(SYMBOLS[m], MARKS[m]));
            funds.add(new InsuranceFund(SYMBOLS[m], BigDecimal.valueOf(50_000L * positions / 1000 + 100_000),
                    BigDecimal.valueOf(60_000L * positions / 1000 + 120_000)));
        }
        return new Snapshot("deleveraging", AS_OF, markets, funds, out);
    }

    public static Market market(String symbol, BigDecimal mark) {
        return new Market(symbol, mark, mark, null, null, null, new BigDecimal("0.0001"), TIERS);
    }

    /** Mark prices of every market moved by {@code fraction} (e.g. -0.02), from the book's opening marks. */
    public static Map<String, BigDecimal> moved(BigDecimal fraction) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        for (int m = 0; m < SYMBOLS.length; m++) {
            marks.put(SYMBOLS[m], MARKS[m].multiply(BigDecimal.ONE.add(fraction)).setScale(MARKS[m].scale() + 4, RoundingMode.HALF_EVEN).stripTrailingZeros());
        }
        return marks;
    }

    /** The snapshot a fresh evaluation sees after the book's markets moved to {@code marks}. */
    public static Snapshot at(Snapshot book, Map<String, BigDecimal> marks, Instant asOf) {
        List<Market> markets = book.markets().stream()
                .map(m -> marks.containsKey(m.symbol()) ? m.withMarkPrice(marks.get(m.symbol())) : m)
                .toList();
        return new Snapshot(book.ruleSet(), asOf, markets, book.insuranceFunds(), book.accounts());
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
