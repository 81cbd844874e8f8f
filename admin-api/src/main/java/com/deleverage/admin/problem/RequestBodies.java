package com.deleverage.admin.problem;

import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Reads request bodies with the engine's strict JSON reader (unknown fields, malformed numbers and
 * missing required fields are reported with their path), so every endpoint rejects bad input the way
 * evaluations do.
 */
public final class RequestBodies {
    private static final ObjectMapper STRICT = SnapshotJson.json().mapper();

    private RequestBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the request body is empty; send a JSON object", List.of());
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw ProblemException.badRequest("the request body is JSON null; send a JSON object", List.of());
            }
            return value;
        } catch (JsonProcessingException e) {
            InputProblem problem = SnapshotJson.problemOf(e);
            throw ProblemException.badRequest("the request body is invalid: " + problem,
                    List.of(new Problem.FieldError(problem.field(), problem.message())));
        }
    }
}
