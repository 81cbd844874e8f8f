package com.deleverage.replay.simulation;

import java.math.BigDecimal;

/** What the decision of one tick did to the book; counters filled by {@link DecisionApplier}. */
final class TickEffects {
    int liquidations;
    BigDecimal liquidatedNotional = BigDecimal.ZERO;
    int adls;
    BigDecimal adlNotional = BigDecimal.ZERO;
    BigDecimal adlOverClose = BigDecimal.ZERO;
    BigDecimal adlOverCloseNotional = BigDecimal.ZERO;
    BigDecimal socialisedLoss = BigDecimal.ZERO;
    BigDecimal badDebt = BigDecimal.ZERO;
    int deferred;
    int halts;
    int marginCalls;
    int parameterChanges;
    int rejected;
}
