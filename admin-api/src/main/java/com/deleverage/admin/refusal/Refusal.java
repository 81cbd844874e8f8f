package com.deleverage.admin.refusal;

/**
 * A request the platform refuses, in the platform's own terms: the kind says why (nothing to act on, a state
 * that does not allow it, bad input, ...) and the message says what to do about it. Nothing was changed.
 * Services throw these; only the HTTP layer knows which status each kind is.
 */
public abstract sealed class Refusal extends RuntimeException
        permits NotFound, Conflict, InvalidInput, Forbidden, LimitExceeded, Unprocessable, Unavailable {

    protected Refusal(String detail) {
        super(detail);
    }
}
