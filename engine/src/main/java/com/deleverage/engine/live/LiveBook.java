package com.deleverage.engine.live;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.AccountResult;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotValidator;
import com.deleverage.engine.sweep.MarketSweep;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.sweep.SweepResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A book that lives on a stream of events: account events (fills, transfers, margin-mode changes) and market
 * events change it between ticks without evaluating anything; a {@link #tick} evaluates it with the active
 * version of its rule set, through a resident {@link MarketSweep}.
 *
 * <p>A tick is the sweep's incremental tick: only the accounts holding a moved market, and the accounts an event
 * changed in place (a fill that changes a position, a transfer, a margin-mode change: {@link
 * MarketSweep#replaceAccount}), are reassessed. An event that changes the book's layout (a position opened or
 * closed, a new account), or another version becoming active, makes the next tick open the sweep again on the
 * changed book: one full evaluation at that tick, never one per event. Either way a tick decides what a fresh
 * evaluation of the same book at the same time decides ({@code LiveBookTest}), and a version switch takes effect
 * at a tick boundary: every tick names exactly one version.
 *
 * <p>Events carry ids: an event seen again within the {@code eventWindow} latest events is a duplicate and
 * changes nothing. An event the venue would refuse (a withdrawal beyond the wallet, an unknown market, a book the
 * input rules refuse) is refused and changes nothing either. One thread uses a book at a time.
 */
public final class LiveBook implements AutoCloseable {
    private final String ruleSet;
    private final ActiveVersions registry;
    private final SweepOptions options;
    private final SnapshotValidator validator = new SnapshotValidator();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final List<InsuranceFund> funds;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Market> moves = new LinkedHashMap<>();
    private final EventWindow seen;
    private boolean accountsChanged = true;
    private Instant asOf;
    private MarketSweep sweep;

    /**
     * @param opening     the book to start from: its markets (with their risk tiers: a stream adds none), insurance
     *                    funds and accounts; it is validated now
     * @param registry    where the active version of the opening book's rule set is read at every tick
     * @param eventWindow how many of the latest event ids are remembered to recognise a redelivery
     */
    public LiveBook(Snapshot opening, ActiveVersions registry, SweepOptions options, int eventWindow) {
        validator.requireValid(opening);
        this.ruleSet = Objects.requireNonNull(opening.ruleSet(), "the opening book names no rule set");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.seen = new EventWindow(eventWindow);
        this.asOf = opening.asOf();
        this.funds = opening.insuranceFunds();
        opening.markets().forEach(m -> markets.put(m.symbol(), m));
        opening.accounts().forEach(a -> accounts.put(a.id(), a));
    }

    public String ruleSet() {
        return ruleSet;
    }

    /** Applies an account event to the book; nothing is evaluated until the next tick. */
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
        if (sweep == null || !sweep.replaceAccount(after)) {
            accountsChanged = true; // a position opened or closed, or a new account: the next tick reopens
        }
        return EventOutcome.APPLIED;
    }

    /** Applies a market event to the book; the next tick evaluates the move. */
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
        moves.put(after.symbol(), after);
        return EventOutcome.APPLIED;
    }

    /**
     * Evaluates the book as it stands, at {@code at} (the policy's "now"), with the version active now.
     *
     * @throws com.deleverage.engine.evaluate.EvaluationFailedException when the policy fails or hits a limit (the
     *                                                                  next tick opens a new sweep)
     */
    public SweepResult tick(Instant at) {
        Objects.requireNonNull(at, "at");
        asOf = at;
        CompiledVersion active = registry.active(ruleSet).orElse(null);
        // A policy that states one-tick facts outside the tick's context is evaluated afresh at every tick.
        if (sweep == null || accountsChanged || sweep.version() != active || sweep.oneTickRule().isPresent()) {
            return reopen(at);
        }
        List<Market> moved = List.copyOf(moves.values());
        moves.clear();
        try {
            return keepBreakers(sweep.tick(moved, at));
        } catch (RuntimeException e) {
            closeSweep();
            throw e;
        }
    }

    /**
     * Takes each market's circuit-breaker session as the tick left it (a level it fired, a new UTC day) into the
     * book, so that later market events, the next tick and a reopened sweep carry it: each level halts once per
     * session. The book's other market figures stay its own (they are the latest events').
     */
    private SweepResult keepBreakers(SweepResult tick) {
        markets.replaceAll((symbol, market) -> sweep.market(symbol)
                .filter(ticked -> !Objects.equals(ticked.breaker(), market.breaker()))
                .map(ticked -> market.withBreaker(ticked.breaker()))
                .orElse(market));
        return tick;
    }

    private SweepResult reopen(Instant at) {
        closeSweep();
        moves.clear();
        accountsChanged = false;
        try {
            sweep = MarketSweep.open(registry, snapshot(at), options);
        } catch (RuntimeException e) {
            accountsChanged = true;
            throw e;
        }
        return keepBreakers(sweep.opening());
    }

    /** The book as a fresh evaluation at {@code at} sees it. */
    public Snapshot snapshot(Instant at) {
        return new Snapshot(ruleSet, at, List.copyOf(markets.values()), funds, List.copyOf(accounts.values()));
    }

    /** Every account's figures at the latest tick, in book order (what a decision's {@code accounts} hold). */
    public List<AccountResult> results() {
        if (sweep == null) {
            throw new IllegalStateException("no tick yet");
        }
        return sweep.results();
    }

    private void closeSweep() {
        if (sweep != null) {
            sweep.close();
            sweep = null;
        }
    }

    @Override
    public void close() {
        closeSweep();
    }
}
