package com.deleverage.replay.book;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.replay.path.PriceBar;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parameters of a synthetic book ({@link BookGenerator}). Every account holds one position in
 * {@code symbol}; the long and the short positions each add up to exactly {@code openInterest}.
 *
 * @param seed                   random seed: the same seed and parameters give the same book on any JVM
 * @param accounts               number of accounts
 * @param symbol                 the market
 * @param referencePrice         the market price when the book is drawn (usually the first price of the replay)
 * @param openInterest           base units per side (longs sum to it, shorts sum to it)
 * @param riskTiers              the market's tier table, to keep every account clear of maintenance margin at the start
 * @param longShare              probability that an account is long (the rest are short)
 * @param isolatedShare          probability that an account is ISOLATED (the rest are CROSS)
 * @param leverageWeights        leverage to relative weight, e.g. {5: 20, 10: 25, 20: 15}
 * @param sizeSigma              sizes are log-normal: weight {@code exp(sizeSigma x N(0,1))}, scaled to the open interest;
 *                               1.5 gives a few whales and many small accounts
 * @param entrySpread            entry prices uniform in {@code referencePrice x (1 +- entrySpread)}
 * @param marginBuffer           collateral is the initial margin {@code entry notional / leverage} times
 *                               {@code 1 + U(0, marginBuffer)}
 * @param minMaintenanceMultiple at the reference price every position's margin pool holds at least this many times its
 *                               maintenance margin (topped up otherwise), so nobody is liquidated before the path moves
 * @param lotSize                quantity step, base units
 * @param entryHistory           empty: entries uniform within {@code entrySpread}. Otherwise the market's real bars
 *                               before the reference time, oldest first: each position opens at the close of a bar
 *                               drawn uniformly from them and must have survived the bars after it (its pool never
 *                               under maintenance margin at their worst price), else it opens at the first later bar
 *                               it survives from ({@link BookGenerator}); {@code entrySpread} is then unused
 */
public record BookSpec(long seed, int accounts, String symbol, BigDecimal referencePrice, BigDecimal openInterest,
                       List<RiskTier> riskTiers, double longShare, double isolatedShare,
                       SortedMap<Integer, Integer> leverageWeights, double sizeSigma, double entrySpread,
                       double marginBuffer, BigDecimal minMaintenanceMultiple, BigDecimal lotSize,
                       List<PriceBar> entryHistory) {

    /** Retail-heavy leverage mix: most accounts at 5-20x, a tail up to 100x. */
    public static final SortedMap<Integer, Integer> DEFAULT_LEVERAGE_WEIGHTS = new TreeMap<>(Map.of(
            2, 5, 3, 8, 5, 17, 10, 25, 20, 20, 25, 10, 50, 9, 75, 4, 100, 2));

    /**
     * Leverage mix of the book calibrated to 10 Oct 2025 ({@link #calibrated10Oct2025}): most accounts at 2-5x, a
     * tail to 50x. No venue publishes its BTC leverage distribution for that day: this is an assumption, fitted to
     * the day's public figures (docs/backtesting.md, "How close the replay is to 10 October 2025").
     */
    public static final SortedMap<Integer, Integer> OCT_10_2025_LEVERAGE_WEIGHTS = new TreeMap<>(Map.of(
            1, 10, 2, 20, 3, 25, 5, 25, 10, 15, 20, 6, 50, 3));
    /** Days of real bars before the reference time that the calibrated book's positions were opened in. */
    public static final int OCT_10_2025_HISTORY_DAYS = 14;

    public BookSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(openInterest, "openInterest");
        riskTiers = List.copyOf(riskTiers);
        entryHistory = List.copyOf(entryHistory);
        leverageWeights = new TreeMap<>(leverageWeights);
        if (accounts < 2) {
            throw new IllegalArgumentException("a book needs at least 2 accounts (one long, one short)");
        }
        if (riskTiers.isEmpty()) {
            throw new IllegalArgumentException("risk tiers are required");
        }
        if (leverageWeights.isEmpty() || leverageWeights.keySet().stream().anyMatch(l -> l < 1)
                || leverageWeights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("leverage weights must map leverage >= 1 to weight >= 0");
        }
        if (longShare <= 0 || longShare >= 1 || isolatedShare < 0 || isolatedShare > 1) {
            throw new IllegalArgumentException("longShare must be in (0, 1) and isolatedShare in [0, 1]");
        }
    }

    /** A book with entries uniform within {@code entrySpread} of the reference price (no entry history). */
    public BookSpec(long seed, int accounts, String symbol, BigDecimal referencePrice, BigDecimal openInterest,
                    List<RiskTier> riskTiers, double longShare, double isolatedShare,
                    SortedMap<Integer, Integer> leverageWeights, double sizeSigma, double entrySpread,
                    double marginBuffer, BigDecimal minMaintenanceMultiple, BigDecimal lotSize) {
        this(seed, accounts, symbol, referencePrice, openInterest, riskTiers, longShare, isolatedShare, leverageWeights,
                sizeSigma, entrySpread, marginBuffer, minMaintenanceMultiple, lotSize, List.of());
    }

    /**
     * The book calibrated to 10 Oct 2025 (docs/backtesting.md): 60% of accounts long (the market was crowded long:
     * funding near 40% a year before the crash), 30% isolated, {@link #OCT_10_2025_LEVERAGE_WEIGHTS}, size sigma 1.5,
     * entries at the closes of {@code history} (the market's real bars of the {@link #OCT_10_2025_HISTORY_DAYS} days
     * before the reference time) with survivorship, collateral the initial margin times {@code 1 + U(0, 0.5)}, no
     * padding beyond maintenance margin at the reference price (survivorship already keeps every position clear of
     * the history's worst price), lot 0.001.
     */
    public static BookSpec calibrated10Oct2025(long seed, int accounts, String symbol, BigDecimal referencePrice,
                                               BigDecimal openInterest, List<RiskTier> riskTiers, List<PriceBar> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the calibrated book needs the bars before the reference time");
        }
        return new BookSpec(seed, accounts, symbol, referencePrice, openInterest, riskTiers, 0.6, 0.3,
                OCT_10_2025_LEVERAGE_WEIGHTS, 1.5, 0, 0.5, BigDecimal.ONE, new BigDecimal("0.001"), history);
    }

    /**
     * The documented defaults: 50% long, 30% isolated, {@link #DEFAULT_LEVERAGE_WEIGHTS}, size sigma 1.5,
     * entries within +-3% of the reference price, margin buffer up to +100% of initial margin, at least 2x
     * maintenance margin at the start, lot 0.001.
     */
    public static BookSpec defaults(long seed, int accounts, String symbol, BigDecimal referencePrice,
                                    BigDecimal openInterest, List<RiskTier> riskTiers) {
        return new BookSpec(seed, accounts, symbol, referencePrice, openInterest, riskTiers, 0.5, 0.3,
                DEFAULT_LEVERAGE_WEIGHTS, 1.5, 0.03, 1.0, new BigDecimal("2"), new BigDecimal("0.001"));
    }
}
