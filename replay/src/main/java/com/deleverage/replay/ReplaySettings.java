package com.deleverage.replay;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the replay turns decisions into book changes, where the policy does not say.
 *
 * @param liquidationFeeRate fee on the closed notional of a liquidation (at the policy's price), paid from the
 *                           liquidated pool into the fund, never more than the pool has left (Binance 0.5%)
 * @param fundingInterval    funding settles at every multiple of this interval since 00:00 UTC (8 h on Binance)
 * @param haltBehaviour      what happens to liquidations while a market is halted
 */
public record ReplaySettings(BigDecimal liquidationFeeRate, Duration fundingInterval, HaltBehaviour haltBehaviour) {
    /**
     * 0.5% liquidation fee, 8-hour funding, liquidations go on during a halt (a halt stops traders' orders;
     * the venue's liquidation engine keeps working; the book's accounts open no positions, and entrants stay out of a
     * halted market).
     */
    public static final ReplaySettings DEFAULT = new ReplaySettings(new BigDecimal("0.005"), Duration.ofHours(8),
            HaltBehaviour.LIQUIDATE);

    public ReplaySettings {
        Objects.requireNonNull(liquidationFeeRate, "liquidationFeeRate");
        Objects.requireNonNull(fundingInterval, "fundingInterval");
        Objects.requireNonNull(haltBehaviour, "haltBehaviour");
        if (liquidationFeeRate.signum() < 0 || fundingInterval.isNegative() || fundingInterval.isZero()) {
            throw new IllegalArgumentException("fee rate must be >= 0 and funding interval positive");
        }
    }

    /** Liquidations of a halted market. */
    public enum HaltBehaviour {
        /**
         * A halted market has no order book to close positions into: LIQUIDATE, AUTO_DELEVERAGE and
         * SOCIALIZE_LOSS actions on it are not applied (counted as deferred); the policy decides again on the
         * first tick after the halt, at the price of that tick.
         */
        DEFER_LIQUIDATIONS,
        /** Liquidations go on during a halt (the venue's liquidation engine is exempt from the halt). */
        LIQUIDATE
    }
}
