package com.deleverage.replay.simulation;

import com.deleverage.engine.math.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The 1-hour figures of one market computed from its own path, tick by tick:
 * <ul>
 *   <li>{@code priceChangePct1h = (M_t - M_base) / M_base}, where {@code M_base} is the last price at or before
 *       {@code t - 1h}; null until the path has an hour of history.</li>
 *   <li>{@code realizedVol1h = sqrt(sum r_i^2)} over the tick-to-tick simple returns
 *       {@code r_i = (M_i - M_(i-1)) / M_(i-1)} of the ticks in {@code (t - 1h, t]}: the realised volatility
 *       of that hour as a fraction, not annualised. Each return is rounded to {@link Decimals#RATIO_SCALE},
 *       the square root to 10 decimals (half-even), so the figure is the same on every JVM.</li>
 * </ul>
 */
final class MarketStats {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final MathContext SQRT = new MathContext(24, RoundingMode.HALF_EVEN);

    private record Point(Instant time, BigDecimal price, BigDecimal squaredReturn) {
    }

    private final Deque<Point> window = new ArrayDeque<>();
    private Point base;
    private Point last;
    private BigDecimal sumSquares = BigDecimal.ZERO;

    void add(Instant time, BigDecimal price) {
        BigDecimal squared = BigDecimal.ZERO;
        if (last != null) {
            BigDecimal r = Decimals.ratio(price.subtract(last.price), last.price);
            squared = r.multiply(r);
        }
        Point point = new Point(time, price, squared);
        window.addLast(point);
        sumSquares = sumSquares.add(squared);
        last = point;
        Instant cutoff = time.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().time.isAfter(cutoff)) {
            Point old = window.removeFirst();
            sumSquares = sumSquares.subtract(old.squaredReturn);
            base = old;
        }
    }

    BigDecimal priceChange1h() {
        if (base == null || last == null) {
            return null;
        }
        return Decimals.ratio(last.price.subtract(base.price), base.price);
    }

    BigDecimal realizedVol1h() {
        if (base == null) {
            return null;
        }
        return sumSquares.sqrt(SQRT).setScale(10, RoundingMode.HALF_EVEN);
    }
}
