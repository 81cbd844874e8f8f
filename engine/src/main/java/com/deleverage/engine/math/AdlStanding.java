package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * A position's place in its market side's auto-deleveraging queue, as ranked by the policy's chosen
 * score: the ADL indicator the evaluation output reports per position. {@link AdlQueue#standings} ranks
 * it; the engine reports it from the {@code AdlLights} a policy states for the market. It is not a fact of
 * the session.
 *
 * @param accountId     the position's account
 * @param symbol        the position's market
 * @param score         the ADL score; higher is deleveraged first
 * @param quantile      0-4 by cumulative quantity along the queue; 4 = the first 20% (five lights)
 * @param queuePosition 1-based place in the queue of its market side
 */
public record AdlStanding(String accountId, String symbol, BigDecimal score, int quantile, int queuePosition) {
}
