package com.deleverage.engine.sweep;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.AutoDeleverage;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.MarginCall;
import com.deleverage.engine.action.ReduceOnly;
import com.deleverage.engine.action.SetFundingRate;
import com.deleverage.engine.action.SocializeLoss;
import com.deleverage.engine.math.AdlAllocation;
import com.deleverage.engine.math.AdlCandidate;
import com.deleverage.engine.math.AdlEligibility;
import com.deleverage.engine.math.AdlFill;
import com.deleverage.engine.math.AdlQueue;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.math.AdlScore;
import com.deleverage.engine.math.DownTierClose;
import com.deleverage.engine.math.FundingRate;
import com.deleverage.engine.math.InsuranceFundMath;
import com.deleverage.engine.math.PartialLiquidation;
import com.deleverage.engine.math.SocializedLoss;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Side;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.math.AdlStanding;
import com.deleverage.engine.risk.AdlReassessment;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The benchmark's baseline: the reference policy's checks written by hand in plain Java, on the same math
 * library and the same parameters ({@code rules/deleveraging/parameters.drl}), for a whole snapshot: the
 * assessment (parallel chunks, as the sweep), risk ranks, margin-pool classification, margin calls,
 * liquidation plans (down-tier, takeover, close at the mark, slices with their reduce-only), the insurance
 * fund waterfall riskiest first (fees and surpluses credited, drawdown ADL mode, draws, ADL on a lazily
 * built book, the fund for what ADL cannot place, socialised loss, the fund past its balance for the rest),
 * funding rates, and the ADL lights of every position (the policy ranks them every evaluation). Volatility, open-interest and circuit-breaker
 * checks are per market and need fields the benchmark book does not set, so they are left out.
 *
 * <p>No incremental state: every call evaluates the whole snapshot, which is what a price move of every
 * market asks for. Not thread-safe per call; the assessment uses {@code threads} threads.
 */
final class PlainJavaSweep implements AutoCloseable {
    // parameters.drl
    static final BigDecimal MARGIN_CALL_RATIO = new BigDecimal("0.8");
    static final BigDecimal LIQUIDATION_RATIO = BigDecimal.ONE;
    static final BigDecimal PARTIAL_TARGET_RATIO = BigDecimal.ONE;
    static final BigDecimal LOT_SIZE = new BigDecimal("0.001");
    static final BigDecimal FEE_RATE = new BigDecimal("0.005");
    static final BigDecimal SLICE_NOTIONAL = new BigDecimal("1000000");
    static final BigDecimal SLICE_FRACTION = new BigDecimal("0.2");
    static final int SLICE_COOLDOWN_SECONDS = 30;
    static final AdlRanking RANKING = AdlRanking.BITMEX;
    static final BigDecimal DRAWDOWN_TRIGGER = new BigDecimal("0.30");
    static final BigDecimal DRAWDOWN_STOP = new BigDecimal("0.25");
    static final int SOCIALIZED_SCALE = 2;
    static final BigDecimal FUNDING_INTEREST = new BigDecimal("0.0001");
    static final BigDecimal FUNDING_CLAMP = new BigDecimal("0.0005");
    static final BigDecimal FUNDING_CAP = new BigDecimal("0.003");
    private static final int CHUNK = 2048;

    private final ForkJoinPool pool;
    private final RiskAssessor assessor = new RiskAssessor();

    PlainJavaSweep(int threads) {
        pool = new ForkJoinPool(threads);
    }

    /**
     * Actions of the snapshot (in no particular order); the ADL standing of every position and every
     * account's figures with its rank over the whole book are worked out when asked, as the sweep does.
     */
    static final class Outcome {
        private final List<Action> actions;
        private final Supplier<List<AdlStanding>> standings;
        private final Supplier<AccountRisk[]> accounts;

        Outcome(List<Action> actions, Supplier<List<AdlStanding>> standings, Supplier<AccountRisk[]> accounts) {
            this.actions = actions;
            this.standings = standings;
            this.accounts = accounts;
        }

        List<Action> actions() {
            return actions;
        }

        List<AdlStanding> standings() {
            return standings.get();
        }

        AccountRisk[] accounts() {
            return accounts.get();
        }
    }

    private record Plan(PositionRisk position, String kind, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                        boolean poolBankrupt, int rank, String reason) {
    }

    private static final class Ledger {
        BigDecimal balance;
        final BigDecimal peak;
        boolean adlMode;
        Map<Side, AdlQueue> books = new HashMap<>();

        Ledger(BigDecimal balance, BigDecimal peak) {
            this.balance = balance;
            this.peak = peak;
            this.adlMode = InsuranceFundMath.drawdown(balance, peak).compareTo(DRAWDOWN_TRIGGER) >= 0;
        }

        void move(BigDecimal newBalance) {
            balance = newBalance;
            BigDecimal drawdown = InsuranceFundMath.drawdown(balance, peak);
            if (!adlMode && drawdown.compareTo(DRAWDOWN_TRIGGER) >= 0) {
                adlMode = true;
            } else if (adlMode && drawdown.compareTo(DRAWDOWN_STOP) < 0) {
                adlMode = false;
            }
        }
    }

    Outcome evaluate(Snapshot snapshot) {
        Map<String, Market> markets = new LinkedHashMap<>();
        snapshot.markets().forEach(m -> markets.put(m.symbol(), m));
        List<Account> accounts = snapshot.accounts();
        int chunks = (accounts.size() + CHUNK - 1) / CHUNK;
        // Every account's own figures; its positions' figures only for the accounts at risk, the others' when
        // a check reads them (an ADL book, the winners, the lights): as the sweep does.
        AccountRisk[] risks = new AccountRisk[accounts.size()];
        List<PositionRisk>[] assessed = new List[accounts.size()];
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = c * CHUNK; i < Math.min(accounts.size(), (c + 1) * CHUNK); i++) {
                risks[i] = assessor.accountFigures(accounts.get(i), markets);
                if (atRisk(risks[i])) {
                    assessed[i] = new ArrayList<>(accounts.get(i).positions().size());
                    assessor.assessAccount(accounts.get(i), markets, assessed[i]);
                }
            }
        })).join();
        IntFunction<List<PositionRisk>> positionsOf = i -> {
            if (assessed[i] == null) {
                assessed[i] = new ArrayList<>(accounts.get(i).positions().size());
                assessor.assessAccount(accounts.get(i), markets, assessed[i]);
            }
            return assessed[i];
        };
        int[] rank = rankAtRisk(risks);

        List<Action> actions = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        Set<String> liquidated = new HashSet<>();
        for (int i = 0; i < risks.length; i++) {
            AccountRisk a = risks[i];
            if (!atRisk(a)) {
                continue; // no pool of the account is at the warning ratio, none is bankrupt
            }
            if (a.marginMode() == MarginMode.CROSS) {
                classify(a.accountId(), null, a.bankrupt(), a.marginRatio(), a.equity(), rank[i], positionsOf.apply(i),
                        markets, actions, plans, liquidated);
            } else {
                for (PositionRisk p : positionsOf.apply(i)) {
                    classify(a.accountId(), p.symbol(), p.bankrupt(), p.marginRatio(), p.equity(), rank[i], List.of(p),
                            markets, actions, plans, liquidated);
                }
            }
        }
        // slices, liquidations, reduce-only
        Instant until = snapshot.asOf().plusSeconds(SLICE_COOLDOWN_SECONDS);
        // a cross account with one large close is sliced whole: its other positions go in the same proportion
        Set<String> slicedCross = new HashSet<>();
        for (Plan plan : plans) {
            if (!plan.poolBankrupt() && plan.position().marginMode() == MarginMode.CROSS
                    && plan.quantity().multiply(plan.position().markPrice()).compareTo(SLICE_NOTIONAL) >= 0) {
                slicedCross.add(plan.position().accountId());
            }
        }
        for (int k = 0; k < plans.size(); k++) {
            Plan plan = plans.get(k);
            BigDecimal closeNotional = plan.quantity().multiply(plan.position().markPrice());
            if (!plan.poolBankrupt() && (closeNotional.compareTo(SLICE_NOTIONAL) >= 0
                    || slicedCross.contains(plan.position().accountId()))) {
                BigDecimal lots = plan.position().size().multiply(SLICE_FRACTION).divideToIntegralValue(LOT_SIZE);
                BigDecimal slice = lots.multiply(LOT_SIZE).min(plan.quantity());
                BigDecimal notional = slice.multiply(plan.position().markPrice());
                plan = new Plan(plan.position(), "SLICE", slice, plan.position().markPrice(), FEE_RATE.multiply(notional),
                        false, plan.rank(), "a close of " + closeNotional.toPlainString() + " USDT: first slice of "
                        + slice.toPlainString());
                plans.set(k, plan);
                actions.add(new ReduceOnly(plan.position().accountId(), plan.position().symbol(), until,
                        "sliced liquidation: no new exposure until the next slice, " + SLICE_COOLDOWN_SECONDS + " s"));
            }
            actions.add(new Liquidate(plan.position().accountId(), plan.position().symbol(), plan.quantity(), plan.price(),
                    plan.quantity().compareTo(plan.position().size()) < 0, plan.reason()));
        }
        // ADL candidates of a market side, scored when a deficit first needs its book
        Map<String, List<AdlCandidate>> candidates = new HashMap<>();
        java.util.function.BiFunction<String, Side, List<AdlCandidate>> candidatesOf = (symbol, side) ->
                candidates.computeIfAbsent(symbol + side, k -> {
                    List<AdlCandidate> list = new ArrayList<>();
                    for (int i = 0; i < risks.length; i++) {
                        for (PositionRisk p : positionsOf.apply(i)) {
                            if (p.symbol().equals(symbol) && p.side() == side) {
                                list.add(new AdlCandidate(p, risks[i], AdlScore.of(RANKING, p, risks[i])));
                            }
                        }
                    }
                    return list;
                });
        // insurance fund waterfall, riskiest first
        Map<String, Ledger> ledgers = new HashMap<>();
        Map<String, InsuranceFund> funds = new HashMap<>();
        snapshot.insuranceFunds().forEach(f -> funds.put(f.symbol(), f));
        for (Market m : markets.values()) {
            InsuranceFund f = funds.get(m.symbol());
            ledgers.put(m.symbol(), f == null ? new Ledger(BigDecimal.ZERO, null) : new Ledger(f.balance(), f.peakBalance8h()));
        }
        List<Plan> takeovers = new ArrayList<>();
        for (Plan plan : plans) {
            Ledger l = ledgers.get(plan.position().symbol());
            if (plan.kind().equals("TAKEOVER")) {
                BigDecimal deficit = InsuranceFundMath.deficit(plan.position().side(), plan.quantity(), plan.price(),
                        plan.position().markPrice());
                if (deficit.signum() < 0) {
                    l.move(l.balance.subtract(deficit));
                } else if (deficit.signum() > 0) {
                    takeovers.add(plan);
                }
            } else if (plan.fee().signum() > 0) {
                l.move(l.balance.add(plan.fee()));
            }
        }
        takeovers.sort(Comparator.comparingInt(Plan::rank));
        Set<String> formerWinners = new HashSet<>();
        for (Plan plan : takeovers) {
            PositionRisk p = plan.position();
            Ledger l = ledgers.get(p.symbol());
            BigDecimal deficit = InsuranceFundMath.deficit(p.side(), plan.quantity(), plan.price(), p.markPrice());
            if (!l.adlMode && l.balance.compareTo(deficit) >= 0) {
                BigDecimal balance = l.balance.subtract(deficit);
                actions.add(new InsuranceFundDraw(p.accountId(), p.symbol(), deficit, "bankrupt " + p.side() + " "
                        + plan.quantity().toPlainString() + " taken over at " + plan.price().toPlainString()
                        + "; fund balance after: " + balance.toPlainString()));
                l.move(balance);
                continue;
            }
            Side other = p.side().opposite();
            AdlQueue book = l.books.computeIfAbsent(other, s -> AdlQueue.of(p.symbol(), s,
                    candidatesOf.apply(p.symbol(), s).stream()
                            .filter(c -> !liquidated.contains(c.position().accountId())).toList(),
                    AdlEligibility.ALL, new AdlReassessment(RANKING, markets.values())));
            AdlAllocation allocation = book.allocate(plan.quantity(), plan.price(), p.accountId());
            for (AdlFill fill : allocation.fills()) {
                actions.add(new AutoDeleverage(fill.account(), fill.symbol(), fill.counterparty(), fill.quantity(),
                        fill.price(), "auto-deleveraged " + fill.quantity().toPlainString() + " at " + fill.price().toPlainString()));
                formerWinners.add(fill.account() + "\u0000" + fill.symbol());
            }
            if (allocation.fullyCovered()) {
                continue;
            }
            BigDecimal residual = InsuranceFundMath.deficit(p.side(), allocation.uncovered(), plan.price(), p.markPrice());
            BigDecimal paid = InsuranceFundMath.draw(l.balance, residual).paid();
            if (paid.signum() > 0) {
                actions.add(new InsuranceFundDraw(p.accountId(), p.symbol(), paid, "ADL found no counterparty for part"
                        + " of the bankrupt position; fund balance after: " + l.balance.subtract(paid).toPlainString()));
                l.move(l.balance.subtract(paid));
            }
            BigDecimal rest = residual.subtract(paid);
            if (rest.signum() > 0) {
                Map<String, BigDecimal> profits = new LinkedHashMap<>();
                BigDecimal total = BigDecimal.ZERO;
                for (int i = 0; i < risks.length; i++) {
                    if (liquidated.contains(risks[i].accountId()) || risks[i].accountId().equals(p.accountId())) {
                        continue;
                    }
                    for (PositionRisk q : positionsOf.apply(i)) {
                        if (q.symbol().equals(p.symbol()) && q.unrealizedPnl().signum() > 0
                                && !formerWinners.contains(q.accountId() + "\u0000" + q.symbol())) {
                            profits.put(q.accountId(), q.unrealizedPnl());
                            total = total.add(q.unrealizedPnl());
                        }
                    }
                }
                BigDecimal charge = rest.setScale(SOCIALIZED_SCALE, RoundingMode.UP)
                        .min(total.setScale(SOCIALIZED_SCALE, RoundingMode.DOWN));
                SocializedLoss.share(charge, profits, SOCIALIZED_SCALE).forEach((account, share) ->
                        actions.add(new SocializeLoss(account, p.symbol(), share, "the loss of " + p.accountId()
                                + " is shared pro rata to the winners' profits")));
                BigDecimal overdraft = rest.subtract(charge).max(BigDecimal.ZERO);
                if (overdraft.signum() > 0) {
                    actions.add(new InsuranceFundDraw(p.accountId(), p.symbol(), overdraft, "paid past the fund's balance"));
                    l.move(l.balance.subtract(overdraft));
                }
            }
        }
        for (Market m : markets.values()) {
            if (m.fundingPremium() != null) {
                BigDecimal rate = FundingRate.binance(m.fundingPremium(), FUNDING_INTEREST, FUNDING_CLAMP, FUNDING_CAP);
                actions.add(new SetFundingRate(m.symbol(), rate, "premium index " + m.fundingPremium().toPlainString()));
            }
        }
        Supplier<List<AdlStanding>> standings = () -> {
            List<AdlStanding> out = new ArrayList<>();
            for (Market m : markets.values()) {
                for (Side side : Side.values()) {
                    out.addAll(AdlQueue.of(m.symbol(), side, candidatesOf.apply(m.symbol(), side), AdlEligibility.ALL)
                            .standings());
                }
            }
            return out;
        };
        Supplier<AccountRisk[]> ranked = () -> {
            int[] bookRank = rank(risks);
            AccountRisk[] out = new AccountRisk[risks.length];
            for (int i = 0; i < risks.length; i++) {
                AccountRisk a = risks[i];
                out[i] = new AccountRisk(a.accountId(), a.marginMode(), a.walletBalance(), a.unrealizedPnl(), a.equity(),
                        a.maintenanceMargin(), a.marginRatio(), a.bankrupt(), a.weakestPoolEquity(), bookRank[i],
                        a.account());
            }
            return out;
        };
        return new Outcome(actions, standings, ranked);
    }

    private void classify(String accountId, String symbol, boolean bankrupt, BigDecimal ratio, BigDecimal equity, int rank,
                          List<PositionRisk> positions, Map<String, Market> markets, List<Action> actions,
                          List<Plan> plans, Set<String> liquidated) {
        if (!bankrupt && ratio.compareTo(MARGIN_CALL_RATIO) < 0) {
            return;
        }
        if (!bankrupt && ratio.compareTo(LIQUIDATION_RATIO) < 0) {
            actions.add(new MarginCall(accountId, symbol, ratio, "margin ratio " + ratio.toPlainString()
                    + " is at or above the warning level " + MARGIN_CALL_RATIO.toPlainString() + "; liquidation starts at "
                    + LIQUIDATION_RATIO.toPlainString()));
            return;
        }
        liquidated.add(accountId);
        if (!bankrupt) {
            for (DownTierClose close : PartialLiquidation.bestDownTier(positions, markets.values(), PARTIAL_TARGET_RATIO,
                    LOT_SIZE, FEE_RATE)) {
                PositionRisk p = (PositionRisk) close.position(); // the pool handed in was PositionRisk
                BigDecimal notional = close.quantity().multiply(p.markPrice());
                plans.add(new Plan(p, "DOWN_TIER", close.quantity(), p.markPrice(), FEE_RATE.multiply(notional), false, rank,
                        "margin ratio " + ratio.toPlainString() + ": closing " + close.quantity().toPlainString() + " of "
                                + p.size().toPlainString()));
                return;
            }
        }
        PositionRisk weakest = null;
        for (PositionRisk p : positions) {
            if (weakest == null || p.unrealizedPnl().compareTo(weakest.unrealizedPnl()) < 0
                    || (p.unrealizedPnl().compareTo(weakest.unrealizedPnl()) == 0 && p.symbol().compareTo(weakest.symbol()) < 0)) {
                weakest = p;
            }
        }
        for (PositionRisk p : positions) {
            if (p == weakest) {
                BigDecimal price = p.bankruptcyPrice() == null ? p.markPrice() : p.bankruptcyPrice();
                plans.add(new Plan(p, "TAKEOVER", p.size(), price, BigDecimal.ZERO, bankrupt, rank,
                        (bankrupt ? "equity " + equity.toPlainString() + " is gone (bankrupt)" : "margin ratio "
                                + ratio.toPlainString() + " reached liquidation") + ": taken over at " + price.toPlainString()));
            } else {
                plans.add(new Plan(p, "CLOSE_AT_MARK", p.size(), p.markPrice(), BigDecimal.ZERO, bankrupt, rank,
                        "the cross account is liquidated: this position is closed at the mark"));
            }
        }
    }

    /** Risk ranks in the order of RiskAssessor: bankrupt first by equity, then margin ratio descending, then id. */
    /**
     * Ranks of the accounts the checks act on (bankrupt or at or above the warning ratio: the riskiest, so
     * their ranks among themselves are their ranks in the book); 0 for the others.
     */
    private int[] rankAtRisk(AccountRisk[] risks) {
        Integer[] order = IntStream.range(0, risks.length)
                .filter(i -> atRisk(risks[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> MarketSweep.riskiestFirst(risks[x], risks[y]));
        int[] rank = new int[risks.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    private static boolean atRisk(AccountRisk account) {
        return account.bankrupt() || account.marginRatio().compareTo(MARGIN_CALL_RATIO) >= 0;
    }

    private int[] rank(AccountRisk[] risks) {
        Integer[] order = new Integer[risks.length];
        Arrays.setAll(order, i -> i);
        pool.submit(() -> Arrays.parallelSort(order, (x, y) -> MarketSweep.riskiestFirst(risks[x], risks[y]))).join();
        int[] rank = new int[risks.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
