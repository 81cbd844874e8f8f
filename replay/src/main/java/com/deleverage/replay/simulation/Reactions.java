package com.deleverage.replay.simulation;

import com.deleverage.engine.action.MarginCall;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.replay.TraderReactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGeneratorFactory;

/**
 * Applies {@link TraderReactions} between ticks: top-ups and reductions of margin-called survivors, pairs of new
 * entrants on the rebound. Every deposit and every realised PnL is a ledger line, so the replay's conservation check
 * covers them.
 *
 * <p>Each draw is {@code L64X128MixRandom} seeded with the reactions' seed mixed with the hash of what the draw is
 * for ({@code String.hashCode}, which the language specifies), so a draw does not depend on the order of the others:
 * both versions of a replay draw the same numbers for the same account and tick.
 */
final class Reactions {
    private static final int MONEY_SCALE = 2;
    private final TraderReactions spec;
    private final BookState book;
    private final SortedMap<String, MarketRules> rules;
    private final Ledger ledger;
    private final Set<String> decided = new HashSet<>();
    private final SortedMap<String, BigDecimal> lows = new TreeMap<>();
    private final int totalWeight;
    /** {@code 1 + reboundThreshold}: entrants come in at or above the lowest mark times this. */
    private final BigDecimal reboundFactor;

    Reactions(TraderReactions spec, BookState book, SortedMap<String, MarketRules> rules, Ledger ledger) {
        this.spec = spec;
        this.book = book;
        this.rules = rules;
        this.ledger = ledger;
        this.totalWeight = spec.leverageWeights().values().stream().mapToInt(Integer::intValue).sum();
        this.reboundFactor = BigDecimal.ONE.add(exact(spec.reboundThreshold()));
    }

    /** After the tick's decision: answers to its margin calls, then entrants in every market on the rebound. */
    void react(Instant now, Decision decision, Map<String, BigDecimal> marks) {
        for (DecidedAction decided : decision.actions()) {
            if (decided.action() instanceof MarginCall call) {
                answer(call, marks);
            }
        }
        marks.forEach((symbol, mark) -> enter(now, symbol, mark));
    }

    /** The account's one decision, on its first call: top up, reduce, or neither. */
    private void answer(MarginCall call, Map<String, BigDecimal> marks) {
        BookAccount account = book.get(call.account());
        if (account == null || account.positions.isEmpty() || !decided.add(account.id)) {
            return;
        }
        double u = draw("margin-call/" + account.id);
        BookPosition isolated = account.isolated() && call.symbol() != null ? account.positions.get(call.symbol()) : null;
        if (u < spec.topUpProbability()) {
            topUp(account, isolated, marks);
        } else if (u < spec.topUpProbability() + spec.reduceProbability()) {
            reduce(account, isolated, marks);
        }
    }

    /** Closes {@code reduceFraction} of the called positions (the isolated one, or all of a cross account) at the mark. */
    private void reduce(BookAccount account, BookPosition isolated, Map<String, BigDecimal> marks) {
        for (BookPosition p : account.positions.values()) {
            if (isolated == null || p == isolated) {
                BigDecimal closed = p.quantity.multiply(spec.reduceFraction());
                BigDecimal pnl = marks.get(p.symbol).subtract(p.entryPrice).multiply(closed);
                account.addToPool(p, pnl);
                ledger.realised(pnl);
                p.quantity = p.quantity.subtract(closed);
            }
        }
        account.changed();
    }

    private void topUp(BookAccount account, BookPosition isolated, Map<String, BigDecimal> marks) {
        BigDecimal equity = isolated != null ? isolated.isolatedMargin : account.walletBalance;
        BigDecimal maintenance = BigDecimal.ZERO;
        for (BookPosition p : account.positions.values()) {
            if (isolated == null || p == isolated) {
                BigDecimal mark = marks.get(p.symbol);
                equity = equity.add(PositionMath.unrealizedPnl(p.quantity, p.entryPrice, mark));
                maintenance = maintenance.add(TierTable.maintenanceMargin(rules.get(p.symbol).tiers(),
                        PositionMath.notional(p.quantity, mark)));
            }
        }
        BigDecimal amount = spec.topUpTarget().multiply(maintenance).subtract(equity).setScale(MONEY_SCALE, RoundingMode.CEILING);
        if (amount.signum() <= 0) {
            return;
        }
        if (isolated != null) {
            account.addToPool(isolated, amount);
        } else {
            account.walletBalance = account.walletBalance.add(amount);
            account.changed();
        }
        ledger.deposit(amount);
    }

    private void enter(Instant now, String symbol, BigDecimal mark) {
        BigDecimal low = lows.merge(symbol, mark, BigDecimal::min);
        MarketRules r = rules.get(symbol);
        if (r.halted(now) || r.reduceOnly(now) || mark.compareTo(low.multiply(reboundFactor)) < 0) {
            return;
        }
        String key = symbol + "-" + now.getEpochSecond();
        if (draw("entry/" + key) >= spec.entryProbability()) {
            return;
        }
        for (int sign : new int[]{1, -1}) {
            String id = "entrant-" + key + (sign > 0 ? "-L" : "-S");
            BigDecimal quantity = sign > 0 ? spec.entrantQuantity() : spec.entrantQuantity().negate();
            BigDecimal notional = PositionMath.notional(quantity, mark);
            int leverage = Math.min(leverage(draw("leverage/" + id)), TierTable.tierFor(r.tiers(), notional).maxLeverage());
            BigDecimal collateral = notional.divide(BigDecimal.valueOf(leverage), MONEY_SCALE, RoundingMode.HALF_EVEN)
                    .multiply(BigDecimal.ONE.add(exact(draw("buffer/" + id) * spec.marginBuffer())))
                    .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
            book.add(new Account(id, collateral, MarginMode.CROSS, List.of(new Position(symbol, quantity, mark, leverage, null))));
            ledger.deposit(collateral);
        }
    }

    private int leverage(double u) {
        int target = (int) (u * totalWeight);
        int cumulative = 0;
        for (Map.Entry<Integer, Integer> e : spec.leverageWeights().entrySet()) {
            cumulative += e.getValue();
            if (target < cumulative) {
                return e.getKey();
            }
        }
        return spec.leverageWeights().lastKey();
    }

    /** A uniform draw in [0, 1) for {@code what}: the same for the same seed and purpose, whatever came before. */
    private double draw(String what) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(spec.seed() * 31 + what.hashCode()).nextDouble();
    }

    private static BigDecimal exact(double value) {
        return new BigDecimal(value).setScale(8, RoundingMode.HALF_EVEN);
    }
}
