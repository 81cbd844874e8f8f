package com.deleverage.replay.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one tick did under one version. Money in quote currency, quantities in base units, exact.
 *
 * @param time                  the tick's time
 * @param markPrice             mark price of the first market (by symbol) at the tick
 * @param insuranceFund         all funds' balance after the tick
 * @param openInterest          the book's open interest after the tick, {@code (longs + shorts) / 2}, base units
 * @param liquidations          LIQUIDATE actions applied (a partial one counts once)
 * @param liquidatedNotional    quantity liquidated times the mark price
 * @param adls                  AUTO_DELEVERAGE actions applied
 * @param adlNotional           quantity deleveraged times the ADL price
 * @param adlOverClose          base units the ADL took from winners beyond their pro-rata share (see {@link VersionTotals})
 * @param socialisedLoss        charged to winners
 * @param badDebt               deficit nobody paid
 * @param halted                whether any market was halted at the tick
 * @param reduceOnly            whether any market was reduce-only (market-wide) at the tick
 * @param deferred              liquidation actions not applied because their market was halted
 */
public record TickRecord(Instant time, BigDecimal markPrice, BigDecimal insuranceFund, BigDecimal openInterest,
                         int liquidations, BigDecimal liquidatedNotional, int adls, BigDecimal adlNotional,
                         BigDecimal adlOverClose, BigDecimal socialisedLoss, BigDecimal badDebt, boolean halted,
                         boolean reduceOnly, int deferred) {
}
