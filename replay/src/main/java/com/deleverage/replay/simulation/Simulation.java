package com.deleverage.replay.simulation;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.replay.ReplayCancelledException;
import com.deleverage.replay.ReplayPolicy;
import com.deleverage.replay.ReplayProgress;
import com.deleverage.replay.ReplayRequest;
import com.deleverage.replay.path.PriceTick;
import com.deleverage.replay.report.AccountOutcome;
import com.deleverage.replay.report.TickRecord;
import com.deleverage.replay.report.VersionResult;
import com.deleverage.replay.report.VersionTotals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replays one policy version over the request's path and book: per tick, build the snapshot, evaluate,
 * apply the decision ({@link DecisionApplier}), settle funding when due, let traders react ({@link Reactions}, when
 * the request has reactions), record the tick. Single-threaded
 * and free of wall-clock or hash-order dependence: the same request gives the same result to the last digit.
 */
public final class Simulation {
    private final ReplayRequest request;
    private final ReplayPolicy policy;
    private final Evaluator evaluator;
    private final BookState book;
    private final SortedMap<String, FundState> funds = new TreeMap<>();
    private final SortedMap<String, MarketRules> rules = new TreeMap<>();
    private final SortedMap<String, MarketStats> stats = new TreeMap<>();
    private final Map<String, PriceTick> latest = new TreeMap<>();
    private final Ledger ledger = new Ledger();
    private final AccountTally tally = new AccountTally();
    private final DecisionApplier applier;
    private final FundingSettlement funding;
    private final FirstEvents firsts = new FirstEvents();
    /** Null when the request has no trader reactions. */
    private final Reactions reactions;

    public Simulation(ReplayRequest request, ReplayPolicy policy, Evaluator evaluator) {
        this.request = request;
        this.policy = policy;
        this.evaluator = evaluator;
        this.book = new BookState(request.book());
        request.riskTiers().forEach((symbol, tiers) -> {
            rules.put(symbol, new MarketRules(tiers));
            stats.put(symbol, new MarketStats());
            funds.put(symbol, new FundState(symbol, request.insuranceFunds().getOrDefault(symbol, BigDecimal.ZERO),
                    request.from()));
        });
        for (BookAccount account : book.accounts()) {
            for (String symbol : account.positions.keySet()) {
                if (!rules.containsKey(symbol)) {
                    throw new IllegalArgumentException("account " + account.id + " holds " + symbol
                            + ", a market without risk tiers in the request");
                }
            }
        }
        this.applier = new DecisionApplier(book, funds, rules, ledger, request.settings(), tally);
        this.funding = new FundingSettlement(request.settings().fundingInterval());
        this.reactions = request.reactions() == null ? null : new Reactions(request.reactions(), book, rules, ledger);
    }

    /**
     * @param versionIndex 0-based place of this version in the request, for progress
     * @param ticks        ticks the replay will take, for progress
     */
    public VersionResult run(int versionIndex, int ticks) {
        ledger.opening(book.totalCollateral(), fundsTotal());
        List<TickRecord> series = new ArrayList<>(ticks);
        List<PriceTick> path = request.path().ticks();
        String firstSymbol = rules.firstKey();
        Instant previous = request.from().minusNanos(1);
        int totalHalts = 0;
        int marginCalls = 0;
        int parameterChanges = 0;
        int deferred = 0;
        int rejected = 0;
        int haltedTicks = 0;
        int done = 0;
        for (int i = 0; i < path.size(); ) {
            Instant now = path.get(i).time();
            if (!now.isBefore(request.to())) {
                break;
            }
            for (; i < path.size() && path.get(i).time().equals(now); i++) {
                PriceTick tick = path.get(i);
                MarketStats s = stats.get(tick.symbol());
                if (s != null) {
                    s.add(now, tick.markPrice());
                    rules.get(tick.symbol()).price(now, tick.markPrice());
                    latest.put(tick.symbol(), tick);
                }
            }
            if (now.isBefore(request.from()) || latest.size() < rules.size()) {
                continue;
            }
            if (request.cancelled().getAsBoolean()) {
                throw new ReplayCancelledException("replay cancelled at " + now + " while running " + policy.label());
            }
            boolean halted = rules.values().stream().anyMatch(r -> r.halted(now));
            boolean reduceOnly = rules.values().stream().anyMatch(r -> r.reduceOnly(now));
            BigDecimal drawnBefore = ledger.fundDraws();
            Snapshot snapshot = SnapshotBuilder.build(policy.version().ruleSet(), now, latest, stats, rules, funds, book);
            Decision decision = evaluator.evaluate(policy.version(), snapshot);
            Map<String, BigDecimal> marks = new TreeMap<>();
            latest.forEach((symbol, tick) -> marks.put(symbol, tick.markPrice()));
            TickEffects fx = applier.apply(decision, now, marks);
            if (funding.due(previous, now)) {
                for (Map.Entry<String, MarketRules> e : rules.entrySet()) {
                    BigDecimal rate = e.getValue().fundingRate != null ? e.getValue().fundingRate
                            : latest.get(e.getKey()).fundingRate();
                    if (rate != null) {
                        funding.settle(book, e.getKey(), rate, marks.get(e.getKey()), ledger);
                    }
                }
            }
            if (reactions != null) {
                reactions.react(now, decision, marks);
            }
            funds.values().forEach(f -> f.sample(now));
            firsts.observe(now, decision, fx, ledger.fundDraws().subtract(drawnBefore), fundsTotal());
            previous = now;
            totalHalts += fx.halts;
            marginCalls += fx.marginCalls;
            parameterChanges += fx.parameterChanges;
            deferred += fx.deferred;
            rejected += fx.rejected;
            haltedTicks += halted ? 1 : 0;
            series.add(new TickRecord(now, marks.get(firstSymbol), fundsTotal(), openInterest(), fx.liquidations,
                    fx.liquidatedNotional, fx.adls, fx.adlNotional, fx.adlOverClose, fx.socialisedLoss, fx.badDebt,
                    halted, reduceOnly, fx.deferred));
            done++;
            request.progress().accept(new ReplayProgress(policy.label(), versionIndex, request.policies().size(), done,
                    ticks, now));
        }
        return result(series, totalHalts, marginCalls, parameterChanges, deferred, rejected, haltedTicks);
    }

    private VersionResult result(List<TickRecord> series, int halts, int marginCalls, int parameterChanges,
                                 int deferred, int rejected, int haltedTicks) {
        int liquidations = 0;
        int adls = 0;
        BigDecimal liquidated = BigDecimal.ZERO;
        BigDecimal adlNotional = BigDecimal.ZERO;
        BigDecimal overClose = BigDecimal.ZERO;
        BigDecimal overCloseNotional = BigDecimal.ZERO;
        BigDecimal socialised = BigDecimal.ZERO;
        BigDecimal badDebt = BigDecimal.ZERO;
        int reduceOnlyWindows = 0;
        boolean wasReduceOnly = false;
        for (TickRecord t : series) {
            reduceOnlyWindows += t.reduceOnly() && !wasReduceOnly ? 1 : 0;
            wasReduceOnly = t.reduceOnly();
            liquidations += t.liquidations();
            adls += t.adls();
            liquidated = liquidated.add(t.liquidatedNotional());
            adlNotional = adlNotional.add(t.adlNotional());
            overClose = overClose.add(t.adlOverClose());
            overCloseNotional = overCloseNotional.add(t.adlOverClose().multiply(t.markPrice()));
            socialised = socialised.add(t.socialisedLoss());
            badDebt = badDebt.add(t.badDebt());
        }
        BigDecimal closingCollateral = book.totalCollateral();
        BigDecimal closingFunds = fundsTotal();
        BigDecimal fundOpening = request.insuranceFunds().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fundLowest = funds.values().stream().map(f -> f.lowest).reduce(BigDecimal.ZERO, BigDecimal::add);
        VersionTotals totals = new VersionTotals(liquidations, liquidated, tally.liquidated.size(), adls, adlNotional,
                tally.deleveraged.size(), overClose, overCloseNotional, socialised, badDebt, ledger.fees(), fundOpening,
                closingFunds, fundLowest, haltedTicks, halts, reduceOnlyWindows, marginCalls, parameterChanges, deferred, rejected,
                openInterest());
        SortedMap<String, AccountOutcome> outcomes = new TreeMap<>();
        String firstSymbol = rules.firstKey();
        for (BookAccount account : book.accounts()) {
            BookPosition p = account.positions.get(firstSymbol);
            BigDecimal equity = account.collateral();
            for (BookPosition open : account.positions.values()) {
                equity = equity.add(PositionMath.unrealizedPnl(open.quantity, open.entryPrice, latest.get(open.symbol).markPrice()));
            }
            outcomes.put(account.id, new AccountOutcome(account.collateral(), equity, p == null ? BigDecimal.ZERO : p.quantity,
                    tally.liquidated.getOrDefault(account.id, BigDecimal.ZERO),
                    tally.deleveraged.getOrDefault(account.id, BigDecimal.ZERO),
                    tally.socialised.getOrDefault(account.id, BigDecimal.ZERO)));
        }
        return new VersionResult(policy.label(), policy.version().ruleSet(), policy.version().version(),
                policy.version().hash(), series, totals, ledger.lines(closingCollateral, closingFunds),
                ledger.violations(closingCollateral, closingFunds), firsts.events(), outcomes, new TreeMap<>(tally.notes));
    }

    private BigDecimal fundsTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (FundState f : funds.values()) {
            total = total.add(f.balance);
        }
        return total;
    }

    private BigDecimal openInterest() {
        BigDecimal total = BigDecimal.ZERO;
        for (String symbol : rules.keySet()) {
            total = total.add(SnapshotBuilder.bookOpenInterest(book, symbol));
        }
        return total;
    }
}
