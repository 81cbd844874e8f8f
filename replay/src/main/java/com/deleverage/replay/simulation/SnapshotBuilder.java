package com.deleverage.replay.simulation;

import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.replay.path.PriceTick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The snapshot a tick is evaluated on: every market with its latest tick's mark (and index, when the path
 * has it), its 1-hour change and realised volatility ({@link MarketStats}), the open interest of the path
 * when it has one else the book's ({@code (longs + shorts) / 2}), its tier table as the policy last left it and its
 * circuit-breaker session (reference price, levels fired);
 * every fund with its 8-hour peak; every account that still holds a position.
 */
final class SnapshotBuilder {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private SnapshotBuilder() {
    }

    static Snapshot build(String ruleSet, Instant now, Map<String, PriceTick> latest, SortedMap<String, MarketStats> stats,
                          SortedMap<String, MarketRules> rules, SortedMap<String, FundState> funds, BookState book) {
        List<Market> markets = new ArrayList<>(rules.size());
        for (Map.Entry<String, MarketRules> e : rules.entrySet()) {
            String symbol = e.getKey();
            PriceTick tick = latest.get(symbol);
            MarketStats s = stats.get(symbol);
            BigDecimal openInterest = tick.openInterest() != null ? tick.openInterest() : bookOpenInterest(book, symbol);
            markets.add(new Market(symbol, tick.markPrice(), tick.indexPrice(), openInterest, s.priceChange1h(),
                    s.realizedVol1h(), null, null, e.getValue().tiers(), e.getValue().breaker()));
        }
        List<InsuranceFund> insurance = new ArrayList<>(funds.size());
        funds.forEach((symbol, f) -> insurance.add(new InsuranceFund(symbol, f.balance, f.peak8h(now))));
        return new Snapshot(ruleSet, now, markets, insurance, book.openAccounts());
    }

    static BigDecimal bookOpenInterest(BookState book, String symbol) {
        BigDecimal[] sides = book.openInterest(symbol);
        return sides[0].add(sides[1]).divide(TWO);
    }
}
