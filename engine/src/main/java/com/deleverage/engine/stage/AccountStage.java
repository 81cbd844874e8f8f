package com.deleverage.engine.stage;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.Stage;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.EventBook;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.risk.Assessment;
import com.deleverage.engine.risk.RiskAssessor;
import com.deleverage.engine.sweep.SweepOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The account stage of one partition of the accounts: it keeps the partition's accounts and every market (the
 * marks its accounts are assessed at), and a {@link #tick} evaluates them with the account-stage rules of the
 * active version (and the untagged ones): its actions (liquidations, margin calls, slice cool-downs) and the
 * hand-over facts of each account, for the market stage.
 *
 * <p>The risk ranks it gives accounts are ranks within the partition; the market stage ranks the hand-over facts
 * again over the whole book. The account stage's own actions do not depend on the rank but for their order, and
 * ranks within a partition keep the accounts' order in the whole book. Each tick is a fresh evaluation. One thread
 * uses a stage at a time.
 */
public final class AccountStage implements AutoCloseable {
    private final EventBook book;
    private final ActiveVersions registry;
    private final Evaluator evaluator;
    private final Predicate<String> ownsAccount;
    private final RiskAssessor assessor = new RiskAssessor();
    private boolean closed;

    /**
     * @param opening     the book to start from; only the accounts {@code ownsAccount} accepts are kept
     * @param options     the limits of one tick's rule firing
     * @param eventWindow how many of the latest event ids are remembered to recognise a redelivery
     */
    public AccountStage(Snapshot opening, ActiveVersions registry, SweepOptions options, int eventWindow,
                        Predicate<String> ownsAccount) {
        this.ownsAccount = Objects.requireNonNull(ownsAccount, "ownsAccount");
        this.book = new EventBook(new Snapshot(opening.ruleSet(), opening.asOf(), opening.markets(),
                opening.insuranceFunds(), opening.accounts().stream().filter(a -> ownsAccount.test(a.id())).toList()),
                eventWindow);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.evaluator = new Evaluator(options.limits());
    }

    public String ruleSet() {
        return book.ruleSet();
    }

    /**
     * Applies an event of an owned account; nothing is evaluated until the next tick.
     *
     * @throws IllegalArgumentException when the account is not in this stage's partition
     */
    public EventOutcome apply(AccountEvent event) {
        requireOpen();
        if (!ownsAccount.test(event.account())) {
            throw new IllegalArgumentException("account '" + event.account() + "' is not in this account stage's"
                    + " partition: its events go to the stage that owns it");
        }
        return book.apply(event);
    }

    /** Applies a market event (every market's marks assess the partition's accounts). */
    public EventOutcome apply(MarketEvent event) {
        requireOpen();
        return book.apply(event);
    }

    /**
     * Evaluates the partition at {@code at} with the account-stage rules of the version active now.
     *
     * @throws com.deleverage.engine.evaluate.EvaluationFailedException when the policy fails or hits a limit, or a
     *                                                                  rule without a stage inserts an action
     * @throws IllegalStateException                                    when the active version tags no rule
     */
    public StageTick tick(Instant at) {
        try (CompiledVersion.Lease lease = registry.lease(book.ruleSet())) {
            return tick(at, lease.version());
        }
    }

    /**
     * Evaluates the partition at {@code at} with the account-stage rules of {@code version}, which the caller
     * holds (a lease): the version every partition of a staged stream agreed on for this tick, even when this
     * node has already activated a newer one.
     */
    public StageTick tick(Instant at, CompiledVersion version) {
        requireOpen();
        if (!version.ruleSet().equals(book.ruleSet())) {
            throw new IllegalArgumentException("version " + version + " is not of rule set " + book.ruleSet());
        }
        book.tickAt(at);
        Snapshot snapshot = book.snapshot(at);
        Assessment assessment = assessor.assess(snapshot);
        return StageEvaluation.run(evaluator, version, Stage.ACCOUNT, at, part -> {
            List<Object> facts = new ArrayList<>(snapshot.markets());
            facts.addAll(snapshot.insuranceFunds());
            facts.addAll(evaluator.accountFacts(part, assessment));
            return facts;
        }, decided -> true);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the account stage is closed");
        }
    }

    /** The stage refuses events and ticks from now on (it holds no session between ticks). */
    @Override
    public void close() {
        closed = true;
    }
}
