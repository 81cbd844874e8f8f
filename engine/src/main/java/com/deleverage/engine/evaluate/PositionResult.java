package com.deleverage.engine.evaluate;

import com.deleverage.engine.math.AdlStanding;
import com.deleverage.engine.risk.PositionRisk;

/** A position's figures in a decision: the engine's assessment plus its ADL standing, when the policy ranked it. */
public record PositionResult(PositionRisk risk, AdlStanding adl) {
}
