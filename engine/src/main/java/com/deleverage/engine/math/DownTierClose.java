package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * A down-tier close that {@link PartialLiquidation#bestDownTier} chose for a margin pool: the position to trim, how
 * much of it, and the maintenance margin the step returns.
 *
 * @param position       the position trimmed
 * @param quantity       base units closed at the mark, more than 0 and less than the position's size
 * @param returnedMargin the position's maintenance margin before the close minus that of what is left, quote currency
 */
public record DownTierClose(AssessedPosition position, BigDecimal quantity, BigDecimal returnedMargin) {
}
