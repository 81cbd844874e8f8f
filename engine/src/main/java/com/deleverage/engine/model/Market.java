package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A perpetual market as the trading system sees it at the snapshot's time. Linear (quote-margined)
 * contracts: quantities are in the base asset, prices and money in the quote asset.
 *
 * @param symbol            market symbol, e.g. {@code BTCUSDT}
 * @param markPrice         mark price (fair price used for margin), quote per base unit, &gt; 0
 * @param indexPrice        spot index price, or null when not supplied
 * @param openInterest      open interest in base units (one side), or null
 * @param priceChangePct1h  mark price change over the last hour as a fraction (-0.094 = -9.4%), or null
 * @param realizedVol1h     realised volatility over the last hour as a fraction, or null
 * @param fundingPremium    premium index of the current funding interval as a fraction, or null
 * @param fundingCap        the market's own bound on |funding rate| per interval as a fraction (Binance sets one per
 *                          symbol), or null: the policy's own cap applies
 * @param riskTiers         the market's risk-limit table, ordered by notional, without gaps or overlaps; a tier
 *                          given without its maintenance amount gets Binance's, the one that keeps the margin
 *                          continuous at its floor: {@code cum_i = cum_(i-1) + floor_i x (rate_i - rate_(i-1))},
 *                          0 for the first tier
 * @param breaker           the market's circuit-breaker session (reference price, levels already fired), or null:
 *                          the policy then reads the 1-hour move as a session that began an hour ago
 */
public record Market(String symbol, BigDecimal markPrice, @Nullable BigDecimal indexPrice,
                     @Nullable BigDecimal openInterest, @Nullable BigDecimal priceChangePct1h,
                     @Nullable BigDecimal realizedVol1h, @Nullable BigDecimal fundingPremium,
                     @Nullable BigDecimal fundingCap, List<RiskTier> riskTiers,
                     @Nullable CircuitBreakerSession breaker) {
    public Market {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(markPrice, "markPrice");
        riskTiers = withMaintenanceAmounts(riskTiers == null ? List.of() : riskTiers);
    }

    /** A market without a cap of its own on the funding rate. */
    public Market(String symbol, BigDecimal markPrice, @Nullable BigDecimal indexPrice, @Nullable BigDecimal openInterest,
                  @Nullable BigDecimal priceChangePct1h, @Nullable BigDecimal realizedVol1h,
                  @Nullable BigDecimal fundingPremium, List<RiskTier> riskTiers) {
        this(symbol, markPrice, indexPrice, openInterest, priceChangePct1h, realizedVol1h, fundingPremium, null, riskTiers);
    }

    /** A market without circuit-breaker session state. */
    public Market(String symbol, BigDecimal markPrice, @Nullable BigDecimal indexPrice, @Nullable BigDecimal openInterest,
                  @Nullable BigDecimal priceChangePct1h, @Nullable BigDecimal realizedVol1h,
                  @Nullable BigDecimal fundingPremium, @Nullable BigDecimal fundingCap, List<RiskTier> riskTiers) {
        this(symbol, markPrice, indexPrice, openInterest, priceChangePct1h, realizedVol1h, fundingPremium, fundingCap,
                riskTiers, null);
    }

    /** The same market at another mark price (a sweep's tick): every other figure stays. */
    public Market withMarkPrice(BigDecimal price) {
        return new Market(symbol, price, indexPrice, openInterest, priceChangePct1h, realizedVol1h, fundingPremium,
                fundingCap, riskTiers, breaker);
    }

    /** The same market with another circuit-breaker session. */
    public Market withBreaker(@Nullable CircuitBreakerSession session) {
        return new Market(symbol, markPrice, indexPrice, openInterest, priceChangePct1h, realizedVol1h, fundingPremium,
                fundingCap, riskTiers, session);
    }

    /** The tiers with every missing maintenance amount derived from the rates (Binance's {@code cum}). */
    private static List<RiskTier> withMaintenanceAmounts(List<RiskTier> tiers) {
        List<RiskTier> out = new ArrayList<>(tiers.size());
        RiskTier previous = null;
        for (RiskTier tier : tiers) {
            if (tier != null && tier.maintenanceAmount() == null) {
                BigDecimal amount = previous == null ? BigDecimal.ZERO : previous.maintenanceAmount()
                        .add(tier.notionalFloor().multiply(tier.maintenanceMarginRate().subtract(previous.maintenanceMarginRate())));
                tier = new RiskTier(tier.notionalFloor(), tier.notionalCap(), tier.maintenanceMarginRate(), amount,
                        tier.maxLeverage());
            }
            out.add(tier);
            previous = tier;
        }
        return List.copyOf(out);
    }
}
