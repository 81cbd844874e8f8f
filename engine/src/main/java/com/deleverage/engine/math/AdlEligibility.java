package com.deleverage.engine.math;

/** Which positions of a market side may be deleveraged at all. */
public enum AdlEligibility {
    /**
     * Only positions with positive unrealised PnL (BitMEX, Binance, Bybit: ADL takes profit, never forces a
     * loss; the reference policy's choice).
     */
    PROFITABLE,
    /** Every position of the side, losing ones ranked by their (low) scores after the winners. */
    ALL
}
