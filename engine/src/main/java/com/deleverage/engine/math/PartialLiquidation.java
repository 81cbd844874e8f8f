package com.deleverage.engine.math;

import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.RiskTier;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiered (partial) liquidation, the BitMEX / Bybit ladder and OKX's "down to a lower tier": rather than
 * closing a whole position, close just enough that the rest falls into a lower risk tier whose
 * maintenance margin the margin pool then meets; large closes go in slices (Hyperliquid, dYdX).
 *
 * <p>"Meets" means {@code MM_after / E < targetRatio}, compared exactly as {@code MM_after < targetRatio x E}
 * with {@code E > 0}, where {@code MM_after} is the remaining position's maintenance margin (tiered, at the
 * mark price) plus that of the pool's other positions. The pool's equity E is the same before and after:
 * closing at the mark price turns the closed part's unrealised PnL into realised PnL, which stays in the
 * pool (fees are not modelled; a policy deducts them from E first if it wants). A target of 1 means "no
 * longer liquidatable"; below 1 leaves a safety buffer. Quantities are base units, money quote currency.
 */
public final class PartialLiquidation {
    /** Hyperliquid liquidates 20% of a large position first, then waits 30 s. */
    public static final BigDecimal HYPERLIQUID_FIRST_SLICE = new BigDecimal("0.2");
    /** dYdX v4 liquidates at most 10% of a position per block (genesis: 100,000 ppm). */
    public static final BigDecimal DYDX_MAX_PER_BLOCK = new BigDecimal("0.1");

    private PartialLiquidation() {
    }

    /**
     * {@link #quantityToClose(BigDecimal, BigDecimal, List, BigDecimal, BigDecimal, BigDecimal, BigDecimal)} for
     * an assessed position: its size and mark, its pool's equity, and the pool's maintenance margin without the
     * position's own.
     *
     * @param tiers the market's risk-tier table ({@code Market.riskTiers()})
     */
    public static BigDecimal quantityToClose(AssessedPosition position, List<RiskTier> tiers, BigDecimal targetRatio,
                                             BigDecimal lotSize) {
        return quantityToClose(position.size(), position.markPrice(), tiers, position.equity(),
                position.poolMaintenanceMargin().subtract(position.maintenanceMargin()), targetRatio, lotSize);
    }

    /**
     * The smallest quantity whose close brings the position down to a lower tier's cap where the pool meets
     * the target: 0 if the pool meets it already; otherwise, trying the tiers just below the current one
     * first, {@code size - r} where {@code r} is the largest multiple of {@code lotSize} with
     * {@code r x M <= cap} of that tier; the whole size if no lower tier is enough (or the pool is bankrupt).
     * The remaining size is rounded <em>down</em> to the lot, so the rest never lands above the tier's cap;
     * the integer quotient {@code cap / (M x lotSize)} is exact.
     *
     * @param size                   |quantity| of the position, base units
     * @param markPrice              mark price the position is closed at
     * @param tiers                  the market's risk-tier table, ordered by notional
     * @param poolEquity             equity of the margin pool (account for cross, isolated margin + UPnL for isolated)
     * @param otherMaintenanceMargin maintenance margin of the pool's other positions (0 for isolated)
     * @param targetRatio            the margin ratio the pool must end strictly below, e.g. 1 or 0.8
     * @param lotSize                the market's quantity step, base units, positive
     */
    public static BigDecimal quantityToClose(BigDecimal size, BigDecimal markPrice, List<RiskTier> tiers,
                                             BigDecimal poolEquity, BigDecimal otherMaintenanceMargin,
                                             BigDecimal targetRatio, BigDecimal lotSize) {
        if (meetsTarget(size, markPrice, tiers, poolEquity, otherMaintenanceMargin, targetRatio)) {
            return BigDecimal.ZERO;
        }
        int currentTier = tiers.indexOf(TierTable.tierFor(tiers, size.multiply(markPrice)));
        for (int lower = currentTier - 1; lower >= 0; lower--) {
            BigDecimal lots = tiers.get(lower).notionalCap().divideToIntegralValue(markPrice.multiply(lotSize));
            BigDecimal remainingSize = lots.multiply(lotSize);
            if (meetsTarget(remainingSize, markPrice, tiers, poolEquity, otherMaintenanceMargin, targetRatio)) {
                return size.subtract(remainingSize);
            }
        }
        return size;
    }

    /**
     * The one down-tier close that rescues a margin pool, if any: for each position of the pool the smallest
     * close that brings it to a lower tier ({@link #quantityToClose(AssessedPosition, List, BigDecimal, BigDecimal)}),
     * kept when it leaves part of the position open and the pool then meets the target <em>after</em> paying
     * {@code feeRate} on the closed notional out of its equity; of those, the one whose tier step returns the
     * most maintenance margin (Bybit, OKX: the position whose risk-limit step frees the most margin is reduced
     * first), ties by symbol. The other positions stay as they are.
     *
     * @param pool    the positions of one margin pool (a cross account's, or one isolated position)
     * @param markets the markets of those positions (others are ignored)
     * @param feeRate liquidation fee as a fraction of the closed notional
     * @return the chosen close, or an empty list when no single down-tier close is enough
     */
    public static List<DownTierClose> bestDownTier(Collection<? extends AssessedPosition> pool, Collection<Market> markets,
                                                   BigDecimal targetRatio, BigDecimal lotSize, BigDecimal feeRate) {
        Map<String, List<RiskTier>> tiers = new HashMap<>();
        markets.forEach(m -> tiers.put(m.symbol(), m.riskTiers()));
        DownTierClose best = null;
        for (AssessedPosition position : pool) {
            List<RiskTier> table = tiers.get(position.symbol());
            BigDecimal quantity = quantityToClose(position, table, targetRatio, lotSize);
            if (quantity.signum() <= 0 || quantity.compareTo(position.size()) >= 0) {
                continue;
            }
            BigDecimal restMargin = TierTable.maintenanceMargin(table, position.size().subtract(quantity)
                    .multiply(position.markPrice()));
            BigDecimal poolMargin = position.poolMaintenanceMargin().subtract(position.maintenanceMargin()).add(restMargin);
            BigDecimal equityAfterFee = position.equity().subtract(feeRate.multiply(quantity).multiply(position.markPrice()));
            if (!MarginRatio.below(poolMargin, equityAfterFee, targetRatio)) {
                continue;
            }
            DownTierClose close = new DownTierClose(position, quantity, position.maintenanceMargin().subtract(restMargin));
            if (best == null || close.returnedMargin().compareTo(best.returnedMargin()) > 0
                    || close.returnedMargin().compareTo(best.returnedMargin()) == 0
                    && position.symbol().compareTo(best.position().symbol()) < 0) {
                best = close;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /**
     * The most that may be closed in one step: {@code quantity x maxFraction}, exact and not rounded to a lot
     * (e.g. {@link #HYPERLIQUID_FIRST_SLICE} of a position, or {@link #DYDX_MAX_PER_BLOCK} per block).
     *
     * @param maxFraction in {@code (0, 1]}
     */
    public static BigDecimal slice(BigDecimal quantity, BigDecimal maxFraction) {
        if (maxFraction.signum() <= 0 || maxFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("slice fraction outside (0, 1]: " + maxFraction);
        }
        return quantity.multiply(maxFraction);
    }

    private static boolean meetsTarget(BigDecimal size, BigDecimal markPrice, List<RiskTier> tiers,
                                       BigDecimal poolEquity, BigDecimal otherMaintenanceMargin, BigDecimal targetRatio) {
        BigDecimal maintenanceMargin = TierTable.maintenanceMargin(tiers, size.multiply(markPrice))
                .add(otherMaintenanceMargin);
        return MarginRatio.below(maintenanceMargin, poolEquity, targetRatio);
    }
}
