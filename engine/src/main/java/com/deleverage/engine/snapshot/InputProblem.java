package com.deleverage.engine.snapshot;

/**
 * One thing wrong with a submitted snapshot.
 *
 * @param field   where, as a path into the request ({@code accounts[3].positions[0].entryPrice})
 * @param message what is wrong and what is expected
 */
public record InputProblem(String field, String message) {
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
