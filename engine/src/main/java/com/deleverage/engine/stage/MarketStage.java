package com.deleverage.engine.stage;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.Stage;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.EventBook;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.risk.MarketBook;
import com.deleverage.engine.sweep.SweepOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The market stage of a set of markets: it keeps a replica of the whole book (every account event, every market
 * event: the ADL queues and the winners of a socialised loss read every position of a market) and the latest
 * hand-over facts of every account, and a {@link #tick} evaluates its markets with the market-stage rules (and
 * the untagged ones): fund draws, auto-deleveraging, socialised losses, halts, funding, margin and leverage
 * changes of the markets it owns. Its markets' circuit-breaker sessions live here, carried from tick to tick.
 *
 * <p>A tick inserts every market (a position re-scored after an ADL fill is assessed at every mark), the funds and
 * {@link MarketBook}s of the owned markets (their positions assessed when a rule reads them: {@link
 * ReplicaAssessment}), and the hand-over facts, their {@code riskRank} replaced by the
 * account's rank in the whole replica (an account stage ranks only its partition), so deficits settle riskiest
 * first whatever the partitions. Actions about markets it does not own are another market stage's and are left
 * out. Each tick is a fresh evaluation. One thread uses a stage at a time.
 */
public final class MarketStage implements AutoCloseable {
    private final EventBook book;
    private final ActiveVersions registry;
    private final Evaluator evaluator;
    private final Predicate<String> ownsMarket;
    private final Map<String, AccountHandover> handovers = new TreeMap<>();
    private boolean closed;

    /**
     * @param opening     the whole book to start from
     * @param options     the limits of one tick's rule firing
     * @param eventWindow how many of the latest event ids are remembered to recognise a redelivery
     */
    public MarketStage(Snapshot opening, ActiveVersions registry, SweepOptions options, int eventWindow,
                       Predicate<String> ownsMarket) {
        this.book = new EventBook(opening, eventWindow);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.evaluator = new Evaluator(options.limits());
        this.ownsMarket = Objects.requireNonNull(ownsMarket, "ownsMarket");
    }

    public String ruleSet() {
        return book.ruleSet();
    }

    /** Applies an event of any account to the replica; nothing is evaluated until the next tick. */
    public EventOutcome apply(AccountEvent event) {
        requireOpen();
        return book.apply(event);
    }

    /** Applies a market event to the replica. */
    public EventOutcome apply(MarketEvent event) {
        requireOpen();
        return book.apply(event);
    }

    /**
     * Replaces an account's hand-over facts with those of its latest account-stage tick; none removes them.
     *
     * @throws IllegalArgumentException when a fact names another account than the hand-over
     */
    public void handover(AccountHandover handover) {
        requireOpen();
        for (HandoverFact fact : handover.facts()) {
            if (!handover.accountId().equals(fact.fields().get(HandoverFacts.ACCOUNT))) {
                throw new IllegalArgumentException("the hand-over of account '" + handover.accountId() + "' holds a "
                        + fact.type() + " of account '" + fact.fields().get(HandoverFacts.ACCOUNT) + "'");
            }
        }
        if (handover.facts().isEmpty()) {
            handovers.remove(handover.accountId());
        } else {
            handovers.put(handover.accountId(), handover);
        }
    }

    /**
     * Evaluates the owned markets at {@code at} with the market-stage rules of {@code version}, if it is the
     * version active now; empty otherwise (the hand-overs were made by another version: the account stages tick
     * again first).
     *
     * @throws EvaluationFailedException when the policy fails or hits a limit, or a rule without a stage inserts an
     *                                   action
     * @throws IllegalArgumentException  when a hand-over names an account the replica does not hold, or a type or
     *                                   field the version does not declare
     */
    public Optional<StageTick> tick(Instant at, int version) {
        requireOpen();
        CompiledVersion active = registry.active(book.ruleSet()).orElse(null);
        CompiledVersion.Lease lease = active == null || active.version() != version ? null : active.lease();
        if (lease == null) {
            return Optional.empty();
        }
        try (lease) {
            book.tickAt(at);
            Snapshot snapshot = book.snapshot(at);
            ReplicaAssessment replica = new ReplicaAssessment(snapshot);
            Set<String> owned = snapshot.markets().stream().map(Market::symbol).filter(ownsMarket)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            StageTick tick = StageEvaluation.run(evaluator, lease.version(), Stage.MARKET, at,
                    part -> facts(part, snapshot, replica, owned), decided -> isAbout(decided, owned));
            book.recordHalts(tick.actions());
            return Optional.of(tick);
        }
    }

    private List<Object> facts(CompiledVersion part, Snapshot snapshot, ReplicaAssessment replica, Set<String> owned) {
        List<Object> facts = new ArrayList<>(snapshot.markets());
        snapshot.insuranceFunds().stream().filter(f -> owned.contains(f.symbol())).forEach(facts::add);
        owned.forEach(symbol -> facts.add(replica.book(symbol)));
        facts.addAll(HandoverFacts.facts(handovers.values(), part.handoverTypes(), replica.ranks()));
        return facts;
    }

    /** Whether a market-stage action is about an owned market; one about no market cannot be placed. */
    private static boolean isAbout(DecidedAction decided, Set<String> owned) {
        String symbol = decided.action().symbol();
        if (symbol == null) {
            throw new EvaluationFailedException(EvaluationFailedException.Reason.RULE_ERROR, decided.rule(),
                    "market-stage rule \"" + decided.rule() + "\" inserted a " + decided.action().type()
                            + " about no market: a market-stage action belongs to the stage that owns its market", null);
        }
        return owned.contains(symbol);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the market stage is closed");
        }
    }

    /** The stage refuses events, hand-overs and ticks from now on. */
    @Override
    public void close() {
        closed = true;
    }
}
