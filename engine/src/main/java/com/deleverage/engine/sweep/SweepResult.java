package com.deleverage.engine.sweep;

import com.deleverage.engine.evaluate.DecidedAction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one tick of a {@link MarketSweep} decided.
 *
 * @param tick                0 for the opening evaluation of the book, then 1, 2, ...
 * @param asOf                the tick's time (the policy's "now")
 * @param ruleSet             rule set name
 * @param version             the version that decided (the sweep's, for its whole life)
 * @param versionHash         that version's content hash
 * @param actions             every action in force after this tick: the same set a fresh evaluation of the
 *                            book at this tick's marks decides, in the order the sweep first decided them
 *                            (actions still justified from earlier ticks first)
 * @param movedMarkets        markets whose mark price changed in this tick
 * @param accountsReassessed  accounts whose figures were recomputed (those holding a moved market)
 * @param positionsReassessed positions of those accounts (fully assessed for watched accounts; the others'
 *                            when read)
 * @param factsUpdated        facts the tick inserted, updated or deleted: markets, market books, and the
 *                            watched accounts and their positions
 * @param ruleFirings         rule firings of this tick
 * @param firingsByRule       those firings per rule, in the order the rules first fired in this tick
 * @param assessTime          time spent recomputing figures and risk ranks
 * @param fireTime            time spent updating facts and firing rules
 * @param elapsed             the whole tick
 */
public record SweepResult(long tick, Instant asOf, String ruleSet, int version, String versionHash,
                          List<DecidedAction> actions, Set<String> movedMarkets, int accountsReassessed,
                          int positionsReassessed, int factsUpdated, int ruleFirings,
                          Map<String, Integer> firingsByRule, Duration assessTime, Duration fireTime,
                          Duration elapsed) {
    public SweepResult {
        actions = List.copyOf(actions);
        movedMarkets = Set.copyOf(movedMarkets);
        firingsByRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(firingsByRule));
    }

    /** Number of actions in force per action type ({@code MARGIN_CALL}, {@code LIQUIDATE}, ...). */
    public Map<String, Integer> actionCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (DecidedAction a : actions) {
            counts.merge(a.action().type().name(), 1, Integer::sum);
        }
        return counts;
    }
}
