package com.deleverage.engine.math;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Socialised loss, the last resort (Deribit's rule, never used there): a deficit left after the insurance
 * fund and auto-deleveraging is charged to the winning accounts pro rata to their profits,
 * {@code share_i = deficit x profit_i / sum(profit)}, in quote currency.
 *
 * <p>The shares are rounded to a money scale by the largest-remainder method so they sum to the deficit
 * exactly: every share is first rounded down, then the units of the scale still missing go, one each, to
 * the accounts with the largest discarded remainders, ties to the smaller account id. Remainders are
 * compared exactly (as {@code deficit x profit_i - floor_i x sum(profit)}, all over the same denominator),
 * so the result does not depend on any intermediate rounding. This is the one place the risk math rounds
 * other than half-even: half-even rounding of each share could not guarantee the exact sum.
 *
 * <p>Shares are not capped at each winner's profit: a policy that must never charge more than the profits
 * passes {@code min(deficit, sum(profit))} and decides itself what happens to the rest.
 */
public final class SocializedLoss {
    private SocializedLoss() {
    }

    /**
     * @param deficit          quote currency to share, at least 0, with no more decimals than {@code scale}
     * @param profitsByAccount each candidate account's profit; accounts without a positive profit take no share
     * @param scale            decimal places of the shares (2 for cents, 8 for satoshi-like units)
     * @return each winner's share at {@code scale}, by account id ascending, summing exactly to the deficit;
     * empty when no account has a profit
     */
    /** Decimal places a share may have: 18 is the finest unit any settlement asset uses. */
    public static final int MAX_SCALE = 18;

    public static Map<String, BigDecimal> share(BigDecimal deficit, Map<String, BigDecimal> profitsByAccount, int scale) {
        if (deficit.signum() < 0) {
            throw new IllegalArgumentException("negative deficit: " + deficit);
        }
        if (scale < 0 || scale > MAX_SCALE) {
            // A policy passes the scale: a scale of a billion would make one division take the whole machine.
            throw new IllegalArgumentException("scale " + scale + " is outside 0.." + MAX_SCALE);
        }
        if (deficit.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("deficit " + deficit + " has more than " + scale + " decimals");
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal totalProfit = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : profitsByAccount.entrySet()) {
            if (entry.getValue().signum() > 0) {
                shares.add(new Share(entry.getKey(), entry.getValue()));
                totalProfit = totalProfit.add(entry.getValue());
            }
        }
        if (shares.isEmpty()) {
            return Map.of();
        }
        BigDecimal allocated = BigDecimal.ZERO;
        for (Share share : shares) {
            BigDecimal exactNumerator = deficit.multiply(share.profit);
            share.amount = exactNumerator.divide(totalProfit, scale, RoundingMode.FLOOR);
            share.remainder = exactNumerator.subtract(share.amount.multiply(totalProfit));
            allocated = allocated.add(share.amount);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int missingUnits = deficit.subtract(allocated).divide(unit).intValueExact();
        List<Share> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.comparing((Share share) -> share.remainder, Comparator.reverseOrder())
                .thenComparing(share -> share.account));
        for (Share share : byRemainder.subList(0, missingUnits)) {
            share.amount = share.amount.add(unit);
        }
        shares.sort(Comparator.comparing(share -> share.account));
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        shares.forEach(share -> result.put(share.account, share.amount.setScale(scale)));
        return Collections.unmodifiableMap(result);
    }

    /** Working state of one winner's share while the units are handed out. */
    private static final class Share {
        final String account;
        final BigDecimal profit;
        BigDecimal amount;
        BigDecimal remainder;

        Share(String account, BigDecimal profit) {
            this.account = account;
            this.profit = profit;
        }
    }
}
