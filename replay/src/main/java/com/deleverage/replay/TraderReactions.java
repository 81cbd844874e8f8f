package com.deleverage.replay;

import com.deleverage.replay.book.BookSpec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How traders react between ticks, so a replay is not frozen once the book's weakest accounts are gone. Applied
 * after each tick's decision (and funding), before the next tick; every draw is a function of the seed and what it
 * is for (the account, the tick), so the same seed gives the same reactions on any JVM and in either version.
 *
 * <ul>
 *   <li><b>Margin-called survivors top up or reduce.</b> An account the policy sends a MARGIN_CALL and that still
 *       holds a position decides once, on its first call: with probability {@code topUpProbability} it adds
 *       collateral that brings its pool's equity at the tick's mark to {@code topUpTarget} times its maintenance
 *       margin (rounded up to the cent; the deposit is a ledger line, {@code deposits}); with probability
 *       {@code reduceProbability} it closes {@code reduceFraction} of the called positions at the mark (the market
 *       outside the book takes the other side, as it takes a liquidation's; the PnL is realised); otherwise it does
 *       nothing, then or later.</li>
 *   <li><b>New entrants on the rebound.</b> Once a market's mark is at least {@code reboundThreshold} above its
 *       lowest mark since the replay's start, on each tick it is neither halted nor market-wide reduce-only a pair of
 *       new accounts (one long, one short: open interest stays balanced) opens with probability
 *       {@code entryProbability}, each {@code entrantQuantity} at the mark, cross margin, leverage drawn from
 *       {@code leverageWeights} (at most the tier's cap), collateral the initial margin times
 *       {@code 1 + U(0, marginBuffer)}, deposited (a ledger line). They are new accounts,
 *       {@code entrant-SYMBOL-EPOCHSECOND-L} and {@code -S}.</li>
 *   <li><b>Liquidated traders never return.</b> Only accounts that still hold a position can top up; entrants are
 *       new accounts; nobody reopens a closed position.</li>
 * </ul>
 *
 * @param seed              seed of every draw
 * @param topUpProbability  probability that a margin-called account tops up, in [0, 1]
 * @param topUpTarget       equity after a top-up, in maintenance margins (> 1)
 * @param reduceProbability probability that a margin-called account reduces instead, in [0, 1 - topUpProbability]
 * @param reduceFraction    share of the called positions a reducing account closes, in (0, 1)
 * @param reboundThreshold  rise above the lowest mark since the start that lets entrants in, e.g. 0.02
 * @param entryProbability  probability of one pair of entrants per tick on the rebound, in [0, 1]
 * @param entrantQuantity   base units each entrant opens
 * @param leverageWeights   entrants' leverage to relative weight
 * @param marginBuffer      entrants' collateral is the initial margin times {@code 1 + U(0, marginBuffer)}
 */
public record TraderReactions(long seed, double topUpProbability, BigDecimal topUpTarget, double reduceProbability,
                              BigDecimal reduceFraction, double reboundThreshold,
                              double entryProbability, BigDecimal entrantQuantity,
                              SortedMap<Integer, Integer> leverageWeights, double marginBuffer) {
    /**
     * The reactions of the 10 Oct 2025 worked example (docs/backtesting.md), assumptions, not published figures: 30%
     * of margin-called survivors top up to 3x maintenance margin, 30% close half of their position; from 2% above the low, a pair of entrants per tick
     * with probability 0.5, each {@code entrantQuantity}, leverage drawn like the calibrated book's
     * ({@link BookSpec#OCT_10_2025_LEVERAGE_WEIGHTS}), margin buffer up to +50%.
     */
    public static TraderReactions calibrated10Oct2025(long seed, BigDecimal entrantQuantity) {
        return new TraderReactions(seed, 0.3, new BigDecimal("3"), 0.3, new BigDecimal("0.5"), 0.02, 0.5, entrantQuantity,
                BookSpec.OCT_10_2025_LEVERAGE_WEIGHTS, 0.5);
    }

    public TraderReactions {
        Objects.requireNonNull(topUpTarget, "topUpTarget");
        Objects.requireNonNull(entrantQuantity, "entrantQuantity");
        Objects.requireNonNull(reduceFraction, "reduceFraction");
        leverageWeights = new TreeMap<>(leverageWeights);
        if (topUpProbability < 0 || reduceProbability < 0 || topUpProbability + reduceProbability > 1
                || entryProbability < 0 || entryProbability > 1) {
            throw new IllegalArgumentException("probabilities must be in [0, 1], top-up and reduce together at most 1");
        }
        if (reduceFraction.signum() <= 0 || reduceFraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("reduceFraction must be in (0, 1)");
        }
        if (topUpTarget.compareTo(BigDecimal.ONE) <= 0 || entrantQuantity.signum() <= 0 || reboundThreshold < 0
                || marginBuffer < 0) {
            throw new IllegalArgumentException("topUpTarget must be > 1, entrantQuantity > 0, reboundThreshold and "
                    + "marginBuffer >= 0");
        }
        if (leverageWeights.isEmpty() || leverageWeights.keySet().stream().anyMatch(l -> l < 1)
                || leverageWeights.values().stream().anyMatch(w -> w < 0)
                || leverageWeights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("leverage weights must map leverage >= 1 to weight >= 0, some > 0");
        }
    }
}
