package com.deleverage.replay.report;

import java.math.BigDecimal;

/**
 * Totals of one version over the replay.
 *
 * @param liquidations           LIQUIDATE actions applied
 * @param liquidatedNotional     quantity liquidated times the mark price
 * @param liquidatedAccounts     accounts liquidated at least once
 * @param adls                   AUTO_DELEVERAGE actions applied
 * @param adlNotional            quantity deleveraged times the ADL price
 * @param adlAccounts            winners deleveraged at least once
 * @param adlOverClose           sum over ADL rounds of {@code max(0, taken_i - proRata_i)}: base units the ranking
 *                               took from some winners beyond a pro-rata split of the same quantity over every
 *                               profitable opposing position (0 when the ADL is itself pro rata)
 * @param adlOverCloseNotional   the same at the mark price
 * @param socialisedLoss         charged to winners
 * @param badDebt                deficit nobody paid
 * @param fees                   liquidation fees paid into the funds
 * @param fundOpening            funds at the start
 * @param fundClosing            funds at the end
 * @param fundLowest             lowest balance after any tick
 * @param haltedTicks            ticks with a market halted
 * @param halts                  HALT_TRADING actions taken
 * @param reduceOnlyWindows      market-wide reduce-only windows: runs of consecutive ticks with a market reduce-only
 * @param marginCalls            MARGIN_CALL actions taken
 * @param parameterChanges       SCALE_MAINTENANCE_MARGIN, SET_MAX_LEVERAGE and SET_FUNDING_RATE actions taken
 * @param deferred               liquidation actions deferred by a halt
 * @param rejected               actions the book could not apply (unknown account, position already closed, ADL
 *                               on the wrong side...), with the reasons in the version's notes
 * @param openInterestClosing    the book's open interest at the end, base units
 */
public record VersionTotals(int liquidations, BigDecimal liquidatedNotional, int liquidatedAccounts, int adls,
                            BigDecimal adlNotional, int adlAccounts, BigDecimal adlOverClose,
                            BigDecimal adlOverCloseNotional, BigDecimal socialisedLoss, BigDecimal badDebt,
                            BigDecimal fees, BigDecimal fundOpening, BigDecimal fundClosing, BigDecimal fundLowest,
                            int haltedTicks, int halts, int reduceOnlyWindows, int marginCalls, int parameterChanges, int deferred,
                            int rejected, BigDecimal openInterestClosing) {
}
