package com.deleverage.engine.evaluate;

import com.deleverage.engine.action.AutoDeleverage;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.SocializeLoss;
import com.deleverage.engine.math.InsuranceFundMath;
import com.deleverage.engine.risk.PositionRisk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The engine's check that no deficit vanishes: in every market, the deficits of the positions a decision takes
 * over must equal what the decision settles them with, to the cent per deficit.
 *
 * <ul>
 *   <li>a deficit is {@code s x Q x (P - M)} of a {@code LIQUIDATE} of {@code Q} at a price {@code P} worse than
 *       the mark {@code M} for the liquidated side (a takeover at the bankruptcy price); closes at or better than
 *       the mark leave none;</li>
 *   <li>settled are the {@code INSURANCE_FUND_DRAW} amounts, the value of every {@code AUTO_DELEVERAGE} (the
 *       counterparty's side {@code s}: {@code s x q x (P - M)}, what the deleveraged trader gives up against the
 *       mark) and the {@code SOCIALIZE_LOSS} amounts.</li>
 * </ul>
 * Socialised shares are whole cents rounded up, so each deficit may be settled up to one cent over.
 *
 * <p>A decision that settles nothing at all leaves settlement to the venue (a policy that only liquidates, like
 * the tutorial's) and is not checked; once a decision settles anything, every market's deficits must be settled
 * in full.
 */
public final class DeficitConservation {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private DeficitConservation() {
    }

    /**
     * @param positions the figures of an account's position in a market at this evaluation's marks, or null
     * @throws EvaluationFailedException ({@link EvaluationFailedException.Reason#DEFICIT_NOT_CONSERVED}) naming the
     *                                   market, its deficits and what settled them, when they differ
     */
    public static void require(List<DecidedAction> actions, BiFunction<String, String, PositionRisk> positions) {
        if (actions.stream().noneMatch(a -> a.action() instanceof InsuranceFundDraw
                || a.action() instanceof AutoDeleverage || a.action() instanceof SocializeLoss)) {
            return;
        }
        Map<String, BigDecimal> deficits = new TreeMap<>();
        Map<String, Integer> deficitCount = new TreeMap<>();
        Map<String, BigDecimal> settled = new TreeMap<>();
        for (DecidedAction decided : actions) {
            switch (decided.action()) {
                case Liquidate l -> {
                    BigDecimal deficit = againstMark(positions, l.account(), l.symbol(), l.quantity(), l.price());
                    if (deficit.signum() > 0) {
                        deficits.merge(l.symbol(), deficit, BigDecimal::add);
                        deficitCount.merge(l.symbol(), 1, Integer::sum);
                    }
                }
                case InsuranceFundDraw d -> settled.merge(d.symbol(), d.amount(), BigDecimal::add);
                case AutoDeleverage a -> settled.merge(a.symbol(),
                        againstMark(positions, a.counterparty(), a.symbol(), a.quantity(), a.price()), BigDecimal::add);
                case SocializeLoss s -> settled.merge(s.symbol(), s.amount(), BigDecimal::add);
                default -> {
                }
            }
        }
        Set<String> symbols = new TreeSet<>(deficits.keySet());
        symbols.addAll(settled.keySet());
        for (String symbol : symbols) {
            BigDecimal deficit = deficits.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal covered = settled.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal tolerance = CENT.multiply(BigDecimal.valueOf(Math.max(1, deficitCount.getOrDefault(symbol, 0))));
            if (covered.subtract(deficit).abs().compareTo(tolerance) >= 0) {
                throw notConserved("the decision settles " + plain(covered) + " in " + symbol
                        + " (insurance-fund draws, auto-deleveraging against the mark, socialised losses) for deficits of "
                        + plain(deficit) + " from the positions it takes over there; every deficit must be settled in"
                        + " full");
            }
        }
    }

    /**
     * What taking {@code quantity} of the account's position at {@code price} instead of the mark costs whoever
     * takes it over: {@code s x Q x (P - M)}.
     */
    private static BigDecimal againstMark(BiFunction<String, String, PositionRisk> positions, String account,
                                          String symbol, BigDecimal quantity, BigDecimal price) {
        PositionRisk position = positions.apply(account, symbol);
        if (position == null) {
            throw notConserved("the decision closes a " + symbol + " position of " + account + ", which holds none");
        }
        return InsuranceFundMath.deficit(position.side(), quantity, price, position.markPrice());
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static EvaluationFailedException notConserved(String message) {
        return new EvaluationFailedException(EvaluationFailedException.Reason.DEFICIT_NOT_CONSERVED, null, message, null);
    }
}
