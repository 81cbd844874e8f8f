package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * How a queued position scores once part of it has been auto-deleveraged. An {@link AdlQueue} re-ranks its side
 * with it after every fill, as the venues re-rank the remaining positions: a position that has just given
 * part of itself carries less leverage (its realised profit is now margin) and may fall behind the others.
 */
@FunctionalInterface
public interface AdlRescoring {
    /** Every score stays as it was built: for a queue that is read (the ADL lights), never walked. */
    AdlRescoring KEEP = (candidate, quantity, price) -> candidate;

    /**
     * @param candidate the position as it stood before this fill
     * @param quantity  base units just deleveraged, less than what the position had left
     * @param price     the fill's price (the bankrupt position's bankruptcy price)
     * @return the position, its owner and its score after the fill
     */
    AdlCandidate afterFill(AdlCandidate candidate, BigDecimal quantity, BigDecimal price);
}
