package com.deleverage.engine.evaluate;

import java.time.Instant;

/**
 * A fact every evaluation inserts once, so rules can ask what rule set is running and what "now" is
 * (the snapshot's {@code asOf}, never the wall clock: a replayed decision must see the same time).
 */
public record EvaluationContext(String ruleSet, int version, Instant asOf) {
}
