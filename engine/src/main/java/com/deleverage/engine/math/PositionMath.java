package com.deleverage.engine.math;

import java.math.BigDecimal;

/** Notional and unrealised PnL of a linear (quote-margined) position. */
public final class PositionMath {
    private PositionMath() {
    }

    /** {@code N = |quantity| x markPrice}. */
    public static BigDecimal notional(BigDecimal signedQuantity, BigDecimal markPrice) {
        return signedQuantity.abs().multiply(markPrice);
    }

    /** {@code UPnL = quantity x (markPrice - entryPrice)}; the signed quantity carries the side. */
    public static BigDecimal unrealizedPnl(BigDecimal signedQuantity, BigDecimal entryPrice, BigDecimal markPrice) {
        return signedQuantity.multiply(markPrice.subtract(entryPrice));
    }
}
