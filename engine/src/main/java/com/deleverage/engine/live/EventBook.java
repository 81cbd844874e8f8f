package com.deleverage.engine.live;

import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotValidator;
import com.deleverage.engine.sweep.BreakerCarry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The book-keeping of a book that lives on a stream of events, whoever evaluates it ({@link LiveBook}, the
 * account and market stages): its markets, funds and accounts, the events applied to them (each id once within
 * the event window; an event the venue would refuse changes nothing) and the circuit-breaker sessions carried from
 * tick to tick. One thread uses it at a time.
 */
public final class EventBook {
    private final String ruleSet;
    private final SnapshotValidator validator = new SnapshotValidator();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final List<InsuranceFund> funds;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final EventWindow seen;
    private Instant asOf;

    /**
     * @param opening     the book to start from: its markets (with their risk tiers: a stream adds none), insurance
     *                    funds and accounts; it is validated now
     * @param eventWindow how many of the latest event ids are remembered to recognise a redelivery
     */
    public EventBook(Snapshot opening, int eventWindow) {
        validator.requireValid(opening);
        this.ruleSet = Objects.requireNonNull(opening.ruleSet(), "the opening book names no rule set");
        this.seen = new EventWindow(eventWindow);
        this.asOf = opening.asOf();
        this.funds = opening.insuranceFunds();
        opening.markets().forEach(m -> markets.put(m.symbol(), m));
        opening.accounts().forEach(a -> accounts.put(a.id(), a));
    }

    public String ruleSet() {
        return ruleSet;
    }

    /** Applies an account event; on {@code APPLIED}, {@link #account} holds the account as it now is. */
    public EventOutcome apply(AccountEvent event) {
        if (!seen.firstTime(event.eventId())) {
            return EventOutcome.DUPLICATE;
        }
        Account before = accounts.getOrDefault(event.account(), AccountChanges.empty(event.account()));
        Account after;
        try {
            after = AccountChanges.apply(before, event);
            List<Market> held = new ArrayList<>();
            for (var p : after.positions()) {
                Market m = markets.get(p.symbol());
                if (m == null) {
                    return EventOutcome.refused("market '" + p.symbol() + "' is not in the book");
                }
                held.add(m);
            }
            validator.requireValid(new Snapshot(ruleSet, asOf, held, List.of(), List.of(after)));
        } catch (IllegalArgumentException | InvalidSnapshotException e) {
            return EventOutcome.refused(e.getMessage());
        }
        accounts.put(after.id(), after);
        return EventOutcome.APPLIED;
    }

    /** Applies a market event; on {@code APPLIED}, {@link #market} holds the market as it now is. */
    public EventOutcome apply(MarketEvent event) {
        if (!seen.firstTime(event.eventId())) {
            return EventOutcome.DUPLICATE;
        }
        Market current = markets.get(event.symbol());
        if (current == null) {
            return EventOutcome.refused("market '" + event.symbol() + "' is not in the book");
        }
        Market after = event.applyTo(current);
        try {
            validator.requireValid(new Snapshot(ruleSet, asOf, List.of(after), List.of(), List.of()));
        } catch (InvalidSnapshotException e) {
            return EventOutcome.refused(e.getMessage());
        }
        markets.put(after.symbol(), after);
        return EventOutcome.APPLIED;
    }

    public Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    public Optional<Market> market(String symbol) {
        return Optional.ofNullable(markets.get(symbol));
    }

    /** The book's "now" moves to a tick's time: later events are validated at it. */
    public void tickAt(Instant at) {
        asOf = Objects.requireNonNull(at, "at");
    }

    /** The book as a fresh evaluation at {@code at} sees it. */
    public Snapshot snapshot(Instant at) {
        return new Snapshot(ruleSet, at, List.copyOf(markets.values()), funds, List.copyOf(accounts.values()));
    }

    /**
     * Takes each market's circuit-breaker session as a tick left it (a level it fired, a new UTC day) into the
     * book, so that later market events and the next tick carry it: each level halts once per session. The book's
     * other market figures stay its own (they are the latest events').
     *
     * @param ticked each market as the tick evaluated it, or empty when the tick does not know it
     */
    public void keepBreakers(Function<String, Optional<Market>> ticked) {
        markets.replaceAll((symbol, market) -> ticked.apply(symbol)
                .filter(t -> !Objects.equals(t.breaker(), market.breaker()))
                .map(t -> market.withBreaker(t.breaker()))
                .orElse(market));
    }

    /** Marks the breaker levels a decision halted with as fired, in the book's markets. */
    public void recordHalts(List<DecidedAction> actions) {
        BreakerCarry.recordHalts(actions, markets, new HashSet<>());
    }
}
