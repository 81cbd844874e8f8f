package com.deleverage.engine.evaluate;

import com.deleverage.engine.action.Action;

/** An action of a decision with the rule (and its file) that inserted it. */
public record DecidedAction(Action action, String rule, String file) {
}
