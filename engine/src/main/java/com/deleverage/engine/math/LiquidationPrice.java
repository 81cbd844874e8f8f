package com.deleverage.engine.math;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;
import java.util.List;

/**
 * Liquidation price of a linear position (Binance USD-M formula):
 * <pre>LP = (WB - TMM1 + UPNL1 + cum - s*Q*EP) / (Q*MMR - s*Q)</pre>
 * For an isolated position WB is its isolated margin and TMM1 = UPNL1 = 0; for a cross position WB is
 * the wallet balance, TMM1 the maintenance margin and UPNL1 the unrealised PnL of the account's other
 * positions. MMR and cum are those of the tier the position's notional falls in <em>at the liquidation
 * price</em>: the price is computed with the current tier and recomputed while {@code Q x LP} lands in
 * another tier (Binance FAQ). A result at or below zero with the first tier (the tier of a notional near
 * zero) means the position cannot be liquidated by price (its margin covers it all the way down) and is
 * reported as null.
 */
public final class LiquidationPrice {
    private LiquidationPrice() {
    }

    public static BigDecimal of(Side side, BigDecimal size, BigDecimal entryPrice, BigDecimal walletBalance,
                                BigDecimal otherMaintenanceMargin, BigDecimal otherUnrealizedPnl,
                                List<RiskTier> tiers, RiskTier currentTier) {
        RiskTier tier = currentTier;
        // A tier table is monotone, so the search settles in at most one pass over the tiers.
        for (int attempt = 0; ; attempt++) {
            BigDecimal price = withTier(side, size, entryPrice, walletBalance, otherMaintenanceMargin,
                    otherUnrealizedPnl, tier);
            // A price at or below zero says nothing yet: a higher tier's cum can push a long's price below
            // zero although the first tier (cum 0), where a notional near zero falls, gives a positive one.
            // Only the first tier's answer decides "none".
            RiskTier tierAtPrice = price.signum() <= 0 ? tiers.get(0) : TierTable.tierFor(tiers, size.multiply(price));
            if (tierAtPrice.equals(tier) || attempt == tiers.size()) {
                return price.signum() <= 0 ? null : price;
            }
            tier = tierAtPrice;
        }
    }

    static BigDecimal withTier(Side side, BigDecimal size, BigDecimal entryPrice, BigDecimal walletBalance,
                               BigDecimal otherMaintenanceMargin, BigDecimal otherUnrealizedPnl, RiskTier tier) {
        BigDecimal s = BigDecimal.valueOf(side.sign());
        BigDecimal numerator = walletBalance.subtract(otherMaintenanceMargin).add(otherUnrealizedPnl)
                .add(tier.maintenanceAmount()).subtract(s.multiply(size).multiply(entryPrice));
        BigDecimal denominator = size.multiply(tier.maintenanceMarginRate()).subtract(s.multiply(size));
        return Decimals.price(numerator, denominator);
    }
}
