package com.deleverage.engine.risk;

import com.deleverage.engine.math.AdlCandidate;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.math.AdlScore;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Every open position of one market with the account that holds it, as one fact: what a rule needs when it
 * looks at a whole market side (an ADL queue, the winners who share a loss) rather than at one account.
 *
 * <p>The engine inserts one per market. The per-account facts ({@link AccountRisk}, {@link PositionRisk})
 * exist only for the accounts the policy watches (see {@link AccountWatch}); the market book always holds
 * all of them, so a queue is ranked over the whole side whatever the watch. Immutable; compared by
 * identity, so replacing it is one fact update however many positions it holds.
 */
public final class MarketBook {
    private final String symbol;
    private final int size;
    private final IntFunction<PositionRisk> positions;
    private final IntFunction<AccountRisk> owners;

    /**
     * @param positions the market's positions
     * @param owners    {@code owners[i]} holds {@code positions[i]}
     * @throws IllegalArgumentException when a position is of another market or not its owner's
     */
    public MarketBook(String symbol, PositionRisk[] positions, AccountRisk[] owners) {
        this(symbol, positions.length, List.of(positions)::get, List.of(owners)::get); // copies: the book is immutable
        if (positions.length != owners.length) {
            throw new IllegalArgumentException(positions.length + " positions for " + owners.length + " owners");
        }
        for (int i = 0; i < positions.length; i++) {
            if (!positions[i].symbol().equals(symbol) || !positions[i].accountId().equals(owners[i].accountId())) {
                throw new IllegalArgumentException("position " + positions[i].accountId() + "/" + positions[i].symbol()
                        + " in the book of " + symbol + " with the owner " + owners[i].accountId());
            }
        }
    }

    /**
     * A book whose positions are worked out when a rule or the output reads them: a sweep assesses the
     * positions of the accounts its policy does not watch only then. The caller guarantees that position
     * {@code k} is of this market and held by owner {@code k}.
     *
     * @param size      number of positions
     * @param positions position {@code k}'s figures, for 0 &lt;= k &lt; size
     * @param owners    the account holding position {@code k}
     */
    public MarketBook(String symbol, int size, IntFunction<PositionRisk> positions, IntFunction<AccountRisk> owners) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.size = size;
        this.positions = positions;
        this.owners = owners;
    }

    /** One book per market of the assessment, for every market in {@code symbols} (empty when none is held). */
    public static Map<String, MarketBook> of(Collection<String> symbols, List<AccountRisk> accounts,
                                             List<PositionRisk> positions) {
        Map<String, AccountRisk> accountsById = new HashMap<>(accounts.size() * 2);
        accounts.forEach(a -> accountsById.put(a.accountId(), a));
        Map<String, List<PositionRisk>> bySymbol = new HashMap<>();
        symbols.forEach(s -> bySymbol.put(s, new ArrayList<>()));
        positions.forEach(p -> bySymbol.get(p.symbol()).add(p));
        Map<String, MarketBook> books = new LinkedHashMap<>();
        for (String symbol : symbols) {
            PositionRisk[] held = bySymbol.get(symbol).toArray(PositionRisk[]::new);
            AccountRisk[] owners = Arrays.stream(held).map(p -> accountsById.get(p.accountId())).toArray(AccountRisk[]::new);
            books.put(symbol, new MarketBook(symbol, held, owners));
        }
        return books;
    }

    public String getSymbol() {
        return symbol;
    }

    /** Number of open positions in the market. */
    public int getPositionCount() {
        return size;
    }

    /** The market's positions, in the engine's order. */
    public List<PositionRisk> positions() {
        List<PositionRisk> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(positions.apply(k));
        }
        return out;
    }

    /**
     * Every {@code side} position of the market scored for an ADL queue with {@code ranking}, leaving out the
     * positions of {@code excludedAccounts} (e.g. accounts being liquidated themselves).
     */
    public List<AdlCandidate> adlCandidates(Side side, AdlRanking ranking, Set<?> excludedAccounts) {
        List<AdlCandidate> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            PositionRisk p = positions.apply(k);
            if (p.side() == side && !excludedAccounts.contains(p.accountId())) {
                AccountRisk owner = owners.apply(k);
                out.add(new AdlCandidate(p, owner, AdlScore.of(ranking, p, owner)));
            }
        }
        return out;
    }

    /**
     * The unrealised profit of every profitable position of the market by account, leaving out the accounts
     * in any of the {@code excluded} sets: the winners who can share a loss.
     */
    public Map<String, BigDecimal> profitsByAccount(Set<?>... excluded) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int k = 0; k < size; k++) {
            PositionRisk p = positions.apply(k);
            if (p.unrealizedPnl().signum() > 0 && Arrays.stream(excluded).noneMatch(set -> set.contains(p.accountId()))) {
                out.put(p.accountId(), p.unrealizedPnl());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "MarketBook[" + symbol + ", " + size + " positions]";
    }
}
