package com.deleverage.engine.evaluate;

/** A rule that fired during an evaluation, and how many times. */
public record FiredRule(String rule, String file, int count) {
}
