package com.deleverage.engine.live;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.AccountResult;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.MarketSweep;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.engine.sweep.SweepResult;

import java.time.Instant;
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
 * input rules refuse) is refused and changes nothing either ({@link EventBook}). One thread uses a book at a time.
 */
public final class LiveBook implements AutoCloseable {
    private final EventBook book;
    private final ActiveVersions registry;
    private final SweepOptions options;
    private final Map<String, Market> moves = new LinkedHashMap<>();
    private boolean accountsChanged = true;
    private MarketSweep sweep;

    /**
     * @param opening     the book to start from: its markets (with their risk tiers: a stream adds none), insurance
     *                    funds and accounts; it is validated now
     * @param registry    where the active version of the opening book's rule set is read at every tick
     * @param eventWindow how many of the latest event ids are remembered to recognise a redelivery
     */
    public LiveBook(Snapshot opening, ActiveVersions registry, SweepOptions options, int eventWindow) {
        this.book = new EventBook(opening, eventWindow);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    public String ruleSet() {
        return book.ruleSet();
    }

    /** Applies an account event to the book; nothing is evaluated until the next tick. */
    public EventOutcome apply(AccountEvent event) {
        EventOutcome outcome = book.apply(event);
        if (outcome.kind() == EventOutcome.Kind.APPLIED
                && (sweep == null || !sweep.replaceAccount(book.account(event.account()).orElseThrow()))) {
            accountsChanged = true; // a position opened or closed, or a new account: the next tick reopens
        }
        return outcome;
    }

    /** Applies a market event to the book; the next tick evaluates the move. */
    public EventOutcome apply(MarketEvent event) {
        EventOutcome outcome = book.apply(event);
        if (outcome.kind() == EventOutcome.Kind.APPLIED) {
            moves.put(event.symbol(), book.market(event.symbol()).orElseThrow());
        }
        return outcome;
    }

    /**
     * Evaluates the book as it stands, at {@code at} (the policy's "now"), with the version active now.
     *
     * @throws com.deleverage.engine.evaluate.EvaluationFailedException when the policy fails or hits a limit (the
     *                                                                  next tick opens a new sweep)
     */
    public SweepResult tick(Instant at) {
        Objects.requireNonNull(at, "at");
        book.tickAt(at);
        CompiledVersion active = registry.active(book.ruleSet()).orElse(null);
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

    /** Takes each market's circuit-breaker session as the tick left it into the book ({@link EventBook#keepBreakers}). */
    private SweepResult keepBreakers(SweepResult tick) {
        book.keepBreakers(sweep::market);
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
        return book.snapshot(at);
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
