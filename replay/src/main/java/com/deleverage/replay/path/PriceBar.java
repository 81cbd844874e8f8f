package com.deleverage.replay.path;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLC bar of a market's price (kline), prices exact as written in the file.
 *
 * @param symbol   market symbol
 * @param openTime start of the bar (inclusive)
 * @param duration length of the bar (1 minute, 5 minutes, ...)
 */
public record PriceBar(String symbol, Instant openTime, Duration duration, BigDecimal open, BigDecimal high,
                       BigDecimal low, BigDecimal close) {
    public PriceBar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + ": high " + high + " below low " + low);
        }
    }

    /** A bar whose close is below its open. */
    public boolean down() {
        return close.compareTo(open) < 0;
    }
}
