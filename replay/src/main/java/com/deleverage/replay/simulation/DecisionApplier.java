package com.deleverage.replay.simulation;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.AutoDeleverage;
import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.ReduceOnly;
import com.deleverage.engine.action.ScaleMaintenanceMargin;
import com.deleverage.engine.action.SetFundingRate;
import com.deleverage.engine.action.SetMaxLeverage;
import com.deleverage.engine.action.SocializeLoss;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.replay.ReplaySettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies one decision to the book, the funds and the ledger, in this order:
 * <ol>
 *   <li>Market parameters (halt, reduce-only, maintenance-margin scaling, leverage cap, funding rate): recorded,
 *       in force from the next tick ({@link MarketRules} says for how long). Margin calls and fund draws are counted only: the replay computes the
 *       fund's payments itself from the fills (step 3).</li>
 *   <li>AUTO_DELEVERAGE, in decision order: the winner's position and the bankrupt counterparty's position are
 *       both reduced by {@code min(quantity, both sizes)} at the action's price (the bankruptcy price). No fee,
 *       no fund involvement: that is what ADL is for.</li>
 *   <li>LIQUIDATE, in decision order: the part of the quantity not already closed by ADL of that account is
 *       closed at the policy's price (the mark when it gives none). The trader is credited its PnL at that
 *       price and pays the fee ({@link ReplaySettings#liquidationFeeRate} of the closed notional at the
 *       policy's price, at most what the pool has left). The market fills the order at the tick's mark price:
 *       a fill better than the policy's price is surplus for the fund, a worse one a deficit.</li>
 *   <li>Pools left negative (a close beyond the bankruptcy price, or the 8-decimal rounding of it) are brought
 *       back to zero; that amount is a deficit too. Closed isolated positions return their margin to the
 *       wallet.</li>
 *   <li>Deficits are paid by the market's fund up to its balance; SOCIALIZE_LOSS actions then charge winners
 *       (at most their collateral), paying what the fund could not, any excess going to the fund; what is still
 *       unpaid is bad debt.</li>
 * </ol>
 * While a market is halted (by an earlier tick's decision) and the settings say
 * {@link ReplaySettings.HaltBehaviour#DEFER_LIQUIDATIONS}, steps 2, 3 and 5 skip that market's actions.
 * Actions the book cannot apply (unknown account, position gone, ADL between positions on the same side...)
 * are skipped and counted by reason.
 */
final class DecisionApplier {
    private final BookState book;
    private final SortedMap<String, FundState> funds;
    private final SortedMap<String, MarketRules> rules;
    private final Ledger ledger;
    private final ReplaySettings settings;
    private final AccountTally tally;

    DecisionApplier(BookState book, SortedMap<String, FundState> funds, SortedMap<String, MarketRules> rules,
                    Ledger ledger, ReplaySettings settings, AccountTally tally) {
        this.book = book;
        this.funds = funds;
        this.rules = rules;
        this.ledger = ledger;
        this.settings = settings;
        this.tally = tally;
    }

    TickEffects apply(Decision decision, Instant now, Map<String, BigDecimal> marks) {
        TickEffects fx = new TickEffects();
        SortedSet<String> halted = new TreeSet<>();
        if (settings.haltBehaviour() == ReplaySettings.HaltBehaviour.DEFER_LIQUIDATIONS) {
            rules.forEach((symbol, r) -> {
                if (r.halted(now)) {
                    halted.add(symbol);
                }
            });
        }
        parameters(decision, fx);
        SortedSet<String> touched = new TreeSet<>();
        SortedMap<String, BigDecimal> adlDone = new TreeMap<>();
        SortedMap<String, AdlBenchmark> benchmarks = new TreeMap<>();
        for (DecidedAction decided : decision.actions()) {
            if (decided.action() instanceof AutoDeleverage adl) {
                if (halted.contains(adl.symbol())) {
                    fx.deferred++;
                } else {
                    deleverage(adl, marks, fx, touched, adlDone, benchmarks);
                }
            }
        }
        for (DecidedAction decided : decision.actions()) {
            if (decided.action() instanceof Liquidate liquidate) {
                if (halted.contains(liquidate.symbol())) {
                    fx.deferred++;
                } else {
                    liquidate(liquidate, marks, fx, touched, adlDone);
                }
            }
        }
        for (AdlBenchmark benchmark : benchmarks.values()) {
            BigDecimal over = benchmark.overClose();
            fx.adlOverClose = fx.adlOverClose.add(over);
            fx.adlOverCloseNotional = fx.adlOverCloseNotional.add(over.multiply(benchmark.mark()));
        }
        SortedMap<String, BigDecimal> unpaid = new TreeMap<>();
        settle(touched, unpaid);
        for (DecidedAction decided : decision.actions()) {
            if (decided.action() instanceof SocializeLoss loss) {
                if (halted.contains(loss.symbol())) {
                    fx.deferred++;
                } else {
                    socialise(loss, fx, unpaid);
                }
            }
        }
        unpaid.forEach((symbol, amount) -> {
            if (amount.signum() > 0) {
                ledger.badDebt(amount);
                fx.badDebt = fx.badDebt.add(amount);
            }
        });
        return fx;
    }

    private void parameters(Decision decision, TickEffects fx) {
        SortedMap<String, BigDecimal> factors = new TreeMap<>();
        SortedMap<String, Integer> caps = new TreeMap<>();
        for (DecidedAction decided : decision.actions()) {
            Action action = decided.action();
            switch (action) {
                case HaltTrading h -> {
                    MarketRules r = rules.get(h.symbol());
                    if (r == null) {
                        reject(fx, "HALT_TRADING of an unknown market");
                    } else {
                        r.halt(h.until(), h.breakerLevel());
                        fx.halts++;
                    }
                }
                case ReduceOnly ro -> {
                    MarketRules r = ro.symbol() == null ? null : rules.get(ro.symbol());
                    if (r != null && ro.account() == null) {
                        r.startReduceOnly(ro.until());
                    }
                    // An account-level reduce-only holds trivially: no account of the replay adds to a position
                    // (trader reactions add collateral or open new accounts).
                }
                case ScaleMaintenanceMargin s -> {
                    MarketRules r = rules.get(s.symbol());
                    if (r == null || s.factor() == null || s.factor().signum() <= 0) {
                        reject(fx, "SCALE_MAINTENANCE_MARGIN of an unknown market or with a factor <= 0");
                    } else {
                        factors.put(s.symbol(), s.factor());
                        fx.parameterChanges++;
                    }
                }
                case SetMaxLeverage l -> {
                    MarketRules r = rules.get(l.symbol());
                    if (r == null || l.maxLeverage() < 1) {
                        reject(fx, "SET_MAX_LEVERAGE of an unknown market or below 1");
                    } else {
                        caps.put(l.symbol(), l.maxLeverage());
                        fx.parameterChanges++;
                    }
                }
                case SetFundingRate f -> {
                    MarketRules r = rules.get(f.symbol());
                    if (r == null || f.rate() == null) {
                        reject(fx, "SET_FUNDING_RATE of an unknown market or without a rate");
                    } else {
                        r.fundingRate = f.rate();
                        fx.parameterChanges++;
                    }
                }
                case com.deleverage.engine.action.MarginCall m -> fx.marginCalls++;
                default -> {
                    // LIQUIDATE, AUTO_DELEVERAGE, SOCIALIZE_LOSS: below. INSURANCE_FUND_DRAW: the replay pays
                    // deficits from the fill prices itself.
                }
            }
        }
        rules.forEach((symbol, r) -> r.require(factors.getOrDefault(symbol, BigDecimal.ONE), caps.get(symbol)));
    }

    private void deleverage(AutoDeleverage adl, Map<String, BigDecimal> marks, TickEffects fx, SortedSet<String> touched,
                            SortedMap<String, BigDecimal> adlDone, SortedMap<String, AdlBenchmark> benchmarks) {
        BookAccount winner = book.get(adl.account());
        BookAccount bankrupt = adl.counterparty() == null ? null : book.get(adl.counterparty());
        BookPosition w = winner == null ? null : open(winner, adl.symbol());
        BookPosition b = bankrupt == null ? null : open(bankrupt, adl.symbol());
        if (w == null || b == null) {
            reject(fx, "AUTO_DELEVERAGE of an account or counterparty without an open position");
            return;
        }
        if (w.side() == b.side() || winner == bankrupt) {
            reject(fx, "AUTO_DELEVERAGE between positions on the same side or of the same account");
            return;
        }
        if (adl.quantity() == null || adl.quantity().signum() <= 0 || adl.price() == null || adl.price().signum() <= 0) {
            reject(fx, "AUTO_DELEVERAGE without a positive quantity and price");
            return;
        }
        BigDecimal q = adl.quantity().min(w.size()).min(b.size());
        String benchmarkKey = adl.symbol() + "/" + w.side();
        benchmarks.computeIfAbsent(benchmarkKey,
                k -> new AdlBenchmark(adl.symbol(), w.side(), marks.get(adl.symbol()), book)).took(winner.id, q);
        close(winner, w, q, adl.price());
        close(bankrupt, b, q, adl.price());
        touched.add(winner.id);
        touched.add(bankrupt.id);
        adlDone.merge(bankrupt.id + "\u0000" + adl.symbol(), q, BigDecimal::add);
        AccountTally.add(tally.deleveraged, winner.id, q);
        AccountTally.add(tally.liquidated, bankrupt.id, q);
        fx.adls++;
        fx.adlNotional = fx.adlNotional.add(q.multiply(adl.price()));
    }

    private void liquidate(Liquidate liquidate, Map<String, BigDecimal> marks, TickEffects fx, SortedSet<String> touched,
                           SortedMap<String, BigDecimal> adlDone) {
        BookAccount account = book.get(liquidate.account());
        if (account == null || liquidate.quantity() == null || liquidate.quantity().signum() <= 0) {
            reject(fx, "LIQUIDATE of an unknown account or without a positive quantity");
            return;
        }
        BigDecimal mark = marks.get(liquidate.symbol());
        String key = account.id + "\u0000" + liquidate.symbol();
        BigDecimal byAdl = adlDone.getOrDefault(key, BigDecimal.ZERO).min(liquidate.quantity());
        if (byAdl.signum() > 0) {
            adlDone.put(key, adlDone.get(key).subtract(byAdl));
        }
        BookPosition position = open(account, liquidate.symbol());
        BigDecimal q = position == null ? BigDecimal.ZERO : liquidate.quantity().subtract(byAdl).min(position.size());
        if (q.signum() == 0 && byAdl.signum() == 0) {
            reject(fx, "LIQUIDATE of a position already closed");
            return;
        }
        if (q.signum() > 0) {
            BigDecimal price = liquidate.price() != null && liquidate.price().signum() > 0 ? liquidate.price() : mark;
            int sign = position.side().sign();
            close(account, position, q, price);
            BigDecimal fee = settings.liquidationFeeRate().multiply(q).multiply(price)
                    .min(account.pool(position).max(BigDecimal.ZERO));
            if (fee.signum() > 0) {
                account.addToPool(position, fee.negate());
                fund(liquidate.symbol()).balance = fund(liquidate.symbol()).balance.add(fee);
                ledger.fee(fee);
            }
            BigDecimal fillDifference = mark.subtract(price).multiply(q).multiply(BigDecimal.valueOf(sign));
            if (fillDifference.signum() > 0) {
                FundState f = fund(liquidate.symbol());
                f.balance = f.balance.add(fillDifference);
                ledger.surplus(fillDifference);
            } else if (fillDifference.signum() < 0) {
                ledger.marketDeficit(fillDifference.negate());
                pendingMarketDeficit.merge(liquidate.symbol(), fillDifference.negate(), BigDecimal::add);
            }
            AccountTally.add(tally.liquidated, account.id, q);
            touched.add(account.id);
        }
        fx.liquidations++;
        fx.liquidatedNotional = fx.liquidatedNotional.add(q.add(byAdl).multiply(mark));
    }

    /** Market deficits of this tick by symbol, paid in {@link #settle}. */
    private final SortedMap<String, BigDecimal> pendingMarketDeficit = new TreeMap<>();

    /** Covers negative pools, frees closed isolated margins, pays every deficit from the funds. */
    private void settle(SortedSet<String> touched, SortedMap<String, BigDecimal> unpaid) {
        SortedMap<String, BigDecimal> deficits = new TreeMap<>(pendingMarketDeficit);
        pendingMarketDeficit.clear();
        for (String id : touched) {
            BookAccount account = book.get(id);
            for (BookPosition p : account.positions.values().toArray(new BookPosition[0])) {
                if (p.isolatedMargin != null && p.isolatedMargin.signum() < 0) {
                    BigDecimal cover = p.isolatedMargin.negate();
                    p.isolatedMargin = BigDecimal.ZERO;
                    ledger.deficitCovered(cover);
                    deficits.merge(p.symbol, cover, BigDecimal::add);
                }
                if (p.quantity.signum() == 0) {
                    if (p.isolatedMargin != null) {
                        account.walletBalance = account.walletBalance.add(p.isolatedMargin);
                    }
                    account.positions.remove(p.symbol);
                }
            }
            if (account.walletBalance.signum() < 0) {
                BigDecimal cover = account.walletBalance.negate();
                account.walletBalance = BigDecimal.ZERO;
                ledger.deficitCovered(cover);
                String symbol = account.positions.isEmpty() ? funds.isEmpty() ? "" : funds.firstKey()
                        : account.positions.firstKey();
                deficits.merge(symbol, cover, BigDecimal::add);
            }
            account.changed();
        }
        deficits.forEach((symbol, amount) -> {
            FundState f = funds.get(symbol);
            BigDecimal paid = f == null ? BigDecimal.ZERO : amount.min(f.balance.max(BigDecimal.ZERO));
            if (paid.signum() > 0) {
                f.balance = f.balance.subtract(paid);
                ledger.fundDraw(paid);
            }
            unpaid.merge(symbol, amount.subtract(paid), BigDecimal::add);
        });
    }

    private void socialise(SocializeLoss loss, TickEffects fx, SortedMap<String, BigDecimal> unpaid) {
        BookAccount account = book.get(loss.account());
        if (account == null || loss.amount() == null || loss.amount().signum() <= 0) {
            reject(fx, "SOCIALIZE_LOSS of an unknown account or without a positive amount");
            return;
        }
        BigDecimal fromWallet = loss.amount().min(account.walletBalance.max(BigDecimal.ZERO));
        account.walletBalance = account.walletBalance.subtract(fromWallet);
        BigDecimal charged = fromWallet;
        BookPosition p = account.positions.get(loss.symbol());
        if (charged.compareTo(loss.amount()) < 0 && p != null && p.isolatedMargin != null) {
            BigDecimal fromMargin = loss.amount().subtract(charged).min(p.isolatedMargin.max(BigDecimal.ZERO));
            p.isolatedMargin = p.isolatedMargin.subtract(fromMargin);
            charged = charged.add(fromMargin);
        }
        account.changed();
        if (charged.signum() == 0) {
            reject(fx, "SOCIALIZE_LOSS of an account without collateral");
            return;
        }
        BigDecimal owed = unpaid.getOrDefault(loss.symbol(), BigDecimal.ZERO);
        BigDecimal used = charged.min(owed);
        unpaid.put(loss.symbol(), owed.subtract(used));
        BigDecimal toFund = charged.subtract(used);
        FundState f = funds.get(loss.symbol());
        if (toFund.signum() > 0 && f == null) {
            // No fund to receive the excess: charge only what was owed.
            BigDecimal refund = toFund;
            account.walletBalance = account.walletBalance.add(refund);
            charged = used;
            toFund = BigDecimal.ZERO;
        }
        if (toFund.signum() > 0) {
            f.balance = f.balance.add(toFund);
        }
        if (charged.signum() > 0) {
            ledger.socialised(charged, used);
            AccountTally.add(tally.socialised, account.id, charged);
            fx.socialisedLoss = fx.socialisedLoss.add(charged);
        }
    }

    /** Closes {@code q} of a position at {@code price}, crediting the realised PnL to its pool. */
    private void close(BookAccount account, BookPosition position, BigDecimal q, BigDecimal price) {
        BigDecimal pnl = price.subtract(position.entryPrice).multiply(q).multiply(BigDecimal.valueOf(position.side().sign()));
        account.addToPool(position, pnl);
        ledger.realised(pnl);
        position.quantity = position.quantity.signum() > 0 ? position.quantity.subtract(q) : position.quantity.add(q);
    }

    private FundState fund(String symbol) {
        return funds.computeIfAbsent(symbol, s -> {
            throw new IllegalStateException("no insurance fund for " + s);
        });
    }

    private static BookPosition open(BookAccount account, String symbol) {
        BookPosition p = account.positions.get(symbol);
        return p == null || p.quantity.signum() == 0 ? null : p;
    }

    private void reject(TickEffects fx, String reason) {
        fx.rejected++;
        tally.note(reason);
    }
}
