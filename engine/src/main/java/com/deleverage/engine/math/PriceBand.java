package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * Bybit order price limits for futures, in quote per base unit, with {@code x} the soft and {@code y} the
 * hard bound as fractions of the mark price (0.01 = 1%). Bybit's API docs state the formulas below; from
 * May 2026 Bybit adds an order-book premium term to the soft bound, which is not modelled here. Exact.
 */
public final class PriceBand {
    private PriceBand() {
    }

    /** {@code max buy = min(max(Index, M(1 + x)), M(1 + y))}. */
    public static BigDecimal maxBuyPrice(BigDecimal indexPrice, BigDecimal markPrice, BigDecimal x, BigDecimal y) {
        return indexPrice.max(markPrice.multiply(BigDecimal.ONE.add(x))).min(markPrice.multiply(BigDecimal.ONE.add(y)));
    }

    /** {@code min sell = max(min(Index, M(1 - x)), M(1 - y))}. */
    public static BigDecimal minSellPrice(BigDecimal indexPrice, BigDecimal markPrice, BigDecimal x, BigDecimal y) {
        return indexPrice.min(markPrice.multiply(BigDecimal.ONE.subtract(x)))
                .max(markPrice.multiply(BigDecimal.ONE.subtract(y)));
    }
}
