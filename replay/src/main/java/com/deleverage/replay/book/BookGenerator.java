package com.deleverage.replay.book;

import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.replay.path.PriceBar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Draws a synthetic book from a {@link BookSpec}. Reproducible on any JVM: the generator is
 * {@code L64X128MixRandom} (an algorithm the JDK specifies bit for bit), every account draws the same
 * number of values in the same order, transcendental functions go through {@link StrictMath}, and doubles
 * become decimals through their exact binary value rounded half-even — never through
 * {@code Double.toString}.
 *
 * <p>Per account, in this order: side ({@code longShare}), margin mode ({@code isolatedShare}), leverage
 * (by weight), a log-normal size weight (Box-Muller), entry price, margin buffer, free balance of an
 * isolated account. Sizes are the weights scaled so each side sums to the open interest, rounded down to
 * the lot (at least one lot); the lots left over go to the side's largest position.
 *
 * <p>With an {@link BookSpec#entryHistory entry history}, the entry draw picks a bar instead (uniformly: a constant
 * rate of new positions over the history) and the position opens at its close. A position the history would have
 * liquidated (its pool under maintenance margin at the lowest low after its bar for a long, the highest high for a
 * short) is not in a book drawn at the reference time: it opens at the first later bar it survives from instead
 * (the last bar always qualifies). That is survivorship: high leverage survives only recent entries, as on a venue.
 */
public final class BookGenerator {
    public static final String ALGORITHM = "L64X128MixRandom";
    private static final int MONEY_SCALE = 2;

    private BookGenerator() {
    }

    public static List<Account> generate(BookSpec spec) {
        RandomGenerator random = RandomGeneratorFactory.of(ALGORITHM).create(spec.seed());
        int n = spec.accounts();
        boolean[] isLong = new boolean[n];
        boolean[] isolated = new boolean[n];
        int[] leverage = new int[n];
        BigDecimal[] weight = new BigDecimal[n];
        BigDecimal[] entry = new BigDecimal[n];
        int[] entryBar = new int[n];
        List<PriceBar> history = spec.entryHistory();
        double[] buffer = new double[n];
        double[] free = new double[n];
        int totalWeight = spec.leverageWeights().values().stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < n; i++) {
            isLong[i] = random.nextDouble() < spec.longShare();
            isolated[i] = random.nextDouble() < spec.isolatedShare();
            leverage[i] = pick(spec.leverageWeights(), totalWeight, random.nextInt(totalWeight));
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double gaussian = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
            weight[i] = exact(StrictMath.exp(spec.sizeSigma() * gaussian), 8);
            double entryDraw = random.nextDouble();
            if (history.isEmpty()) {
                double offset = (entryDraw * 2.0 - 1.0) * spec.entrySpread();
                entry[i] = spec.referencePrice().multiply(BigDecimal.ONE.add(exact(offset, 8))).setScale(1, RoundingMode.HALF_EVEN);
            } else {
                entryBar[i] = (int) (entryDraw * history.size());
            }
            buffer[i] = random.nextDouble() * spec.marginBuffer();
            free[i] = random.nextDouble() * 0.5;
        }
        BigDecimal[] size = sizes(spec, isLong, weight);
        Survival survival = history.isEmpty() ? null : new Survival(history);
        List<Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal quantity = isLong[i] ? size[i] : size[i].negate();
            BigDecimal collateral;
            if (survival == null) {
                collateral = collateral(spec, quantity, entry[i], leverage[i], buffer[i]);
            } else {
                int bar = entryBar[i];
                while (true) {
                    entry[i] = history.get(bar).close();
                    collateral = collateral(spec, quantity, entry[i], leverage[i], buffer[i]);
                    if (bar == history.size() - 1 || survival.survives(spec, bar, quantity, entry[i], collateral)) {
                        break;
                    }
                    bar++;
                }
            }
            String id = String.format("acct-%05d", i + 1);
            if (isolated[i]) {
                BigDecimal freeBalance = collateral.multiply(exact(free[i], 8)).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
                accounts.add(new Account(id, freeBalance, MarginMode.ISOLATED,
                        List.of(new Position(spec.symbol(), quantity, entry[i], leverage[i], collateral))));
            } else {
                accounts.add(new Account(id, collateral, MarginMode.CROSS,
                        List.of(new Position(spec.symbol(), quantity, entry[i], leverage[i], null))));
            }
        }
        return List.copyOf(accounts);
    }

    /** Initial margin times {@code 1 + buffer}, at least {@link #floorCollateral}. */
    private static BigDecimal collateral(BookSpec spec, BigDecimal quantity, BigDecimal entry, int leverage, double buffer) {
        BigDecimal initialMargin = quantity.abs().multiply(entry)
                .divide(BigDecimal.valueOf(leverage), MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal collateral = initialMargin.multiply(BigDecimal.ONE.add(exact(buffer, 8)))
                .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        return collateral.max(floorCollateral(spec, quantity, entry));
    }

    /** The worst price after each bar of the history: the lowest low for longs, the highest high for shorts. */
    private static final class Survival {
        private final BigDecimal[] lowestAfter;
        private final BigDecimal[] highestAfter;

        Survival(List<PriceBar> history) {
            int n = history.size();
            lowestAfter = new BigDecimal[n];
            highestAfter = new BigDecimal[n];
            for (int j = n - 2; j >= 0; j--) {
                PriceBar next = history.get(j + 1);
                lowestAfter[j] = lowestAfter[j + 1] == null ? next.low() : lowestAfter[j + 1].min(next.low());
                highestAfter[j] = highestAfter[j + 1] == null ? next.high() : highestAfter[j + 1].max(next.high());
            }
        }

        /** True when a position opened at the close of bar {@code bar} keeps its pool at or above maintenance margin. */
        boolean survives(BookSpec spec, int bar, BigDecimal quantity, BigDecimal entry, BigDecimal pool) {
            BigDecimal worst = quantity.signum() > 0 ? lowestAfter[bar] : highestAfter[bar];
            BigDecimal equity = pool.add(PositionMath.unrealizedPnl(quantity, entry, worst));
            return equity.compareTo(TierTable.maintenanceMargin(spec.riskTiers(), PositionMath.notional(quantity, worst))) >= 0;
        }
    }

    /** Collateral that gives the pool {@code minMaintenanceMultiple x MM} of equity at the reference price. */
    private static BigDecimal floorCollateral(BookSpec spec, BigDecimal quantity, BigDecimal entry) {
        BigDecimal notional = PositionMath.notional(quantity, spec.referencePrice());
        BigDecimal maintenance = TierTable.maintenanceMargin(spec.riskTiers(), notional);
        BigDecimal pnl = PositionMath.unrealizedPnl(quantity, entry, spec.referencePrice());
        return maintenance.multiply(spec.minMaintenanceMultiple()).subtract(pnl).setScale(MONEY_SCALE, RoundingMode.CEILING);
    }

    private static BigDecimal[] sizes(BookSpec spec, boolean[] isLong, BigDecimal[] weight) {
        BigDecimal[] size = new BigDecimal[weight.length];
        for (boolean side : new boolean[]{true, false}) {
            BigDecimal total = BigDecimal.ZERO;
            int count = 0;
            for (int i = 0; i < weight.length; i++) {
                if (isLong[i] == side) {
                    total = total.add(weight[i]);
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("the book has no " + (side ? "long" : "short")
                        + " account; use more accounts or a longShare nearer 0.5");
            }
            BigDecimal allocated = BigDecimal.ZERO;
            int largest = -1;
            for (int i = 0; i < weight.length; i++) {
                if (isLong[i] != side) {
                    continue;
                }
                BigDecimal lots = spec.openInterest().multiply(weight[i])
                        .divide(total.multiply(spec.lotSize()), 0, RoundingMode.FLOOR).max(BigDecimal.ONE);
                size[i] = lots.multiply(spec.lotSize());
                allocated = allocated.add(size[i]);
                if (largest < 0 || size[i].compareTo(size[largest]) > 0) {
                    largest = i;
                }
            }
            BigDecimal rest = spec.openInterest().subtract(allocated);
            if (rest.signum() < 0) {
                throw new IllegalArgumentException("open interest " + spec.openInterest().toPlainString()
                        + " is too small for " + count + " positions of at least one lot");
            }
            size[largest] = size[largest].add(rest);
        }
        return size;
    }

    private static int pick(Map<Integer, Integer> weights, int total, int draw) {
        int cumulative = 0;
        for (Map.Entry<Integer, Integer> entry : weights.entrySet()) {
            cumulative += entry.getValue();
            if (draw < cumulative) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("draw " + draw + " beyond total weight " + total);
    }

    /** A double's exact binary value rounded half-even: the same decimal on every JVM. */
    private static BigDecimal exact(double value, int scale) {
        return new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
