package com.deleverage.engine.scenario;

import com.deleverage.engine.model.Snapshot;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A policy test: a snapshot <em>given</em>, the decision <em>expected</em>.
 *
 * @param file        path of the scenario file in the rule set version
 * @param line        1-based line where the scenario starts in that file
 * @param name        what the scenario shows, in a sentence
 * @param given       the snapshot (the evaluation request's shape)
 * @param expect      the expectations, see {@link Expectations}
 */
public record Scenario(String file, int line, String name, Snapshot given, JsonNode expect) {
}
