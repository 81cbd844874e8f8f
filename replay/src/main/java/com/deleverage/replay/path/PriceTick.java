package com.deleverage.replay.path;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One observation of a market: the mark price at an instant and, when the source has them, the index
 * price, the funding rate of the current interval and the open interest (base units).
 */
public record PriceTick(Instant time, String symbol, BigDecimal markPrice, BigDecimal indexPrice,
                        BigDecimal fundingRate, BigDecimal openInterest) {
    /** Time, then symbol: the merge order of a multi-market path. */
    public static final Comparator<PriceTick> BY_TIME_THEN_SYMBOL =
            Comparator.comparing(PriceTick::time).thenComparing(PriceTick::symbol);

    public PriceTick {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(markPrice, "markPrice");
        if (markPrice.signum() <= 0) {
            throw new IllegalArgumentException(symbol + " at " + time + ": mark price must be positive, got " + markPrice);
        }
    }

    public static PriceTick mark(Instant time, String symbol, BigDecimal markPrice) {
        return new PriceTick(time, symbol, markPrice, null, null, null);
    }
}
