package com.deleverage.engine.live;

import com.deleverage.engine.model.Market;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of one market's figures: each field given replaces the market's, each field left out keeps it. The
 * market's risk tiers come from the opening book and never change in a stream; its funding cap and circuit-breaker
 * session are kept (the session moves with the ticks' decisions, not with events).
 */
public record MarketEvent(String eventId, String symbol, Instant at, @Nullable BigDecimal markPrice,
                          @Nullable BigDecimal indexPrice, @Nullable BigDecimal openInterest,
                          @Nullable BigDecimal fundingPremium, @Nullable BigDecimal priceChangePct1h,
                          @Nullable BigDecimal realizedVol1h) {
    public MarketEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(at, "at");
    }

    /** The market after this event. */
    Market applyTo(Market m) {
        Market moved = markPrice == null ? m : m.withMarkPrice(markPrice);
        if (indexPrice == null && openInterest == null && fundingPremium == null && priceChangePct1h == null
                && realizedVol1h == null) {
            return moved;
        }
        return new Market(m.symbol(), moved.markPrice(), or(indexPrice, m.indexPrice()), or(openInterest, m.openInterest()),
                or(priceChangePct1h, m.priceChangePct1h()), or(realizedVol1h, m.realizedVol1h()),
                or(fundingPremium, m.fundingPremium()), m.fundingCap(), m.riskTiers(), m.breaker());
    }

    private static BigDecimal or(BigDecimal given, BigDecimal current) {
        return given != null ? given : current;
    }
}
