package com.deleverage.replay.book;

import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;

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
            double offset = (random.nextDouble() * 2.0 - 1.0) * spec.entrySpread();
            entry[i] = spec.referencePrice().multiply(BigDecimal.ONE.add(exact(offset, 8))).setScale(1, RoundingMode.HALF_EVEN);
            buffer[i] = random.nextDouble() * spec.marginBuffer();
            free[i] = random.nextDouble() * 0.5;
        }
        BigDecimal[] size = sizes(spec, isLong, weight);
        List<Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal quantity = isLong[i] ? size[i] : size[i].negate();
            BigDecimal initialMargin = size[i].multiply(entry[i])
                    .divide(BigDecimal.valueOf(leverage[i]), MONEY_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal collateral = initialMargin.multiply(BigDecimal.ONE.add(exact(buffer[i], 8)))
                    .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
            collateral = collateral.max(floorCollateral(spec, quantity, entry[i]));
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
