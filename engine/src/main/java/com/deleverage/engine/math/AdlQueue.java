package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The auto-deleveraging queue of one market side (BitMEX, Binance, Bybit): eligible positions ordered by
 * score, highest first, ties broken by account id ascending so the order never depends on input order.
 *
 * <p>The queue is mutable and belongs to one evaluation: {@link #allocate} reduces the remaining size of
 * the positions it takes from, so a second bankruptcy on the same market continues where the first left
 * off. After every fill the position that gave is scored again with the queue's {@link AdlRescoring} and put
 * back in its place (the domain's rule: the rest stay and are re-ranked); fully taken positions leave the
 * queue, and {@link #standings()} reflects the remaining sizes.
 */
public final class AdlQueue {
    private static final BigDecimal QUANTILE_STEPS = BigDecimal.valueOf(5);
    private static final int TOP_QUANTILE = 4;
    private static final Comparator<Entry> DELEVERAGED_FIRST = Comparator
            .comparing((Entry entry) -> entry.candidate().score(), Comparator.reverseOrder())
            .thenComparing(entry -> entry.candidate().position().accountId());

    /** A queued position and the base units it still has to give. */
    private record Entry(AdlCandidate candidate, BigDecimal remaining) {
    }

    private final String symbol;
    private final Side side;
    private final AdlRescoring rescoring;
    private final List<Entry> order;

    private AdlQueue(String symbol, Side side, AdlRescoring rescoring, List<Entry> order) {
        this.symbol = symbol;
        this.side = side;
        this.rescoring = rescoring;
        this.order = order;
    }

    /**
     * Builds the queue of {@code side} positions in {@code symbol} from scored candidates; scores stay as built
     * ({@link AdlRescoring#KEEP}).
     *
     * @throws IllegalArgumentException if a candidate belongs to another market or side
     */
    public static AdlQueue of(String symbol, Side side, List<AdlCandidate> candidates, AdlEligibility eligibility) {
        return of(symbol, side, candidates, eligibility, AdlRescoring.KEEP);
    }

    /**
     * Builds the queue of {@code side} positions in {@code symbol} from scored candidates, re-ranked after every
     * fill with {@code rescoring}.
     *
     * @throws IllegalArgumentException if a candidate belongs to another market or side
     */
    public static AdlQueue of(String symbol, Side side, List<AdlCandidate> candidates, AdlEligibility eligibility,
                              AdlRescoring rescoring) {
        List<Entry> order = new ArrayList<>();
        for (AdlCandidate candidate : candidates) {
            AssessedPosition position = candidate.position();
            if (!position.symbol().equals(symbol) || position.side() != side) {
                throw new IllegalArgumentException("a " + position.side() + " " + position.symbol() + " position of "
                        + position.accountId() + " offered to the " + side + " " + symbol + " ADL queue");
            }
            if (eligibility == AdlEligibility.ALL || position.unrealizedPnl().signum() > 0) {
                order.add(new Entry(candidate, position.size()));
            }
        }
        order.sort(DELEVERAGED_FIRST);
        return new AdlQueue(symbol, side, Objects.requireNonNull(rescoring, "rescoring"), order);
    }

    /**
     * Scores every {@code side} position of {@code symbol} among {@code positions} with {@code ranking} and
     * queues the profitable ones ({@link AdlEligibility#PROFITABLE}). Positions of other markets or sides
     * are ignored, so a policy can pass all positions of the snapshot.
     *
     * @param accounts the accounts owning the positions (others are ignored)
     */
    public static AdlQueue rank(AdlRanking ranking, String symbol, Side side,
                                Collection<? extends AssessedPosition> positions,
                                Collection<? extends AssessedAccount> accounts) {
        Map<String, AssessedAccount> accountsById = new HashMap<>();
        accounts.forEach(account -> accountsById.put(account.accountId(), account));
        List<AdlCandidate> candidates = new ArrayList<>();
        for (AssessedPosition position : positions) {
            if (position.symbol().equals(symbol) && position.side() == side) {
                AssessedAccount account = accountsById.get(position.accountId());
                if (account == null) {
                    throw new IllegalArgumentException("no account " + position.accountId() + " for its position");
                }
                candidates.add(new AdlCandidate(position, account, AdlScore.of(ranking, position, account)));
            }
        }
        return of(symbol, side, candidates, AdlEligibility.PROFITABLE);
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
    }

    /** Base units still available for deleveraging along the whole queue. */
    public BigDecimal remainingQuantity() {
        BigDecimal total = BigDecimal.ZERO;
        for (Entry entry : order) {
            total = total.add(entry.remaining());
        }
        return total;
    }

    /**
     * Each position still in the queue with its 1-based place and its ADL indicator (BitMEX lights).
     * The quantile comes from the remaining quantity queued <em>before</em> the position, as a share of
     * the side's remaining total: before {@code < 20%} gives 4, {@code [20%, 40%)} 3, {@code [40%, 60%)} 2,
     * {@code [60%, 80%)} 1, {@code >= 80%} 0; i.e. {@code 4 - floor(5 x before / total)}, exact. A position
     * straddling a boundary takes the indicator of its first unit, the one deleveraged first.
     */
    public List<AdlStanding> standings() {
        BigDecimal total = remainingQuantity();
        List<AdlStanding> standings = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (Entry entry : order) {
            int quantile = TOP_QUANTILE - before.multiply(QUANTILE_STEPS).divideToIntegralValue(total).intValueExact();
            AdlCandidate candidate = entry.candidate();
            standings.add(new AdlStanding(candidate.position().accountId(), symbol, candidate.score(), quantile,
                    standings.size() + 1));
            before = before.add(entry.remaining());
        }
        return standings;
    }

    /**
     * Covers a bankrupt position of the opposite side: takes {@code min(still to cover, remaining size)} from
     * the head of the queue, all at the bankrupt position's bankruptcy price, re-ranks the position that gave
     * (if anything is left of it) and takes from the new head, until the position is covered or the queue is
     * empty. An account is never deleveraged against itself.
     *
     * @param bankruptQuantity base units to cover, at least 0
     * @param bankruptcyPrice  the bankrupt position's bankruptcy price, quote per base unit
     * @param bankruptAccount  the bankrupt account (the counterparty of every fill)
     */
    public AdlAllocation allocate(BigDecimal bankruptQuantity, BigDecimal bankruptcyPrice, String bankruptAccount) {
        if (bankruptQuantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity to deleverage: " + bankruptQuantity);
        }
        BigDecimal toCover = bankruptQuantity;
        List<AdlFill> fills = new ArrayList<>();
        int head = headFor(bankruptAccount);
        while (toCover.signum() > 0 && head < order.size()) {
            Entry entry = order.remove(head);
            String account = entry.candidate().position().accountId();
            BigDecimal taken = toCover.min(entry.remaining());
            toCover = toCover.subtract(taken);
            fills.add(new AdlFill(account, symbol, bankruptAccount, taken, bankruptcyPrice));
            BigDecimal left = entry.remaining().subtract(taken);
            if (left.signum() > 0) {
                requeue(new Entry(rescoring.afterFill(entry.candidate(), taken, bankruptcyPrice), left));
            }
            head = headFor(bankruptAccount);
        }
        return new AdlAllocation(fills, toCover);
    }

    /** The first place whose position is not the bankrupt account's own. */
    private int headFor(String bankruptAccount) {
        int i = 0;
        while (i < order.size() && order.get(i).candidate().position().accountId().equals(bankruptAccount)) {
            i++;
        }
        return i;
    }

    private void requeue(Entry entry) {
        int at = Collections.binarySearch(order, entry, DELEVERAGED_FIRST);
        order.add(at < 0 ? -at - 1 : at, entry);
    }
}
