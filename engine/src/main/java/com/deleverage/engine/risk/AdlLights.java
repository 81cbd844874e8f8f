package com.deleverage.engine.risk;

import com.deleverage.engine.math.AdlEligibility;
import com.deleverage.engine.math.AdlQueue;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.math.AdlStanding;
import com.deleverage.engine.model.Side;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The policy's choice of how the ADL indicator ("lights") of a market is ranked: both sides of the market's
 * book queued by {@code ranking}, every position included. A policy inserts one per market; the engine
 * reports each position's {@link AdlStanding} from it. The queues are ranked on first use, once: a sweep
 * that is never asked for a standing never sorts a million positions on a tick.
 */
public final class AdlLights {
    private final MarketBook book;
    private final AdlRanking ranking;
    private volatile Map<String, AdlStanding> byAccount;

    public AdlLights(MarketBook book, AdlRanking ranking) {
        this.book = book;
        this.ranking = ranking;
    }

    public String getSymbol() {
        return book.getSymbol();
    }

    public AdlRanking getRanking() {
        return ranking;
    }

    /** The standing of the account's position in this market, or null when it holds none. */
    public AdlStanding standing(String accountId) {
        Map<String, AdlStanding> ranked = byAccount;
        if (ranked == null) {
            synchronized (this) {
                ranked = byAccount;
                if (ranked == null) {
                    ranked = rank();
                    byAccount = ranked;
                }
            }
        }
        return ranked.get(accountId);
    }

    private Map<String, AdlStanding> rank() {
        Map<String, AdlStanding> out = new HashMap<>(book.getPositionCount() * 2);
        for (Side side : Side.values()) {
            AdlQueue queue = AdlQueue.of(book.getSymbol(), side, book.adlCandidates(side, ranking, Set.of()),
                    AdlEligibility.ALL);
            queue.standings().forEach(s -> out.put(s.accountId(), s));
        }
        return out;
    }

    @Override
    public String toString() {
        return "AdlLights[" + book.getSymbol() + ", " + ranking + "]";
    }
}
