package com.deleverage.admin.refusal;

/** What the request names does not exist: a rule set, a version, a decision, a replay, a shadow run. */
public final class NotFound extends Refusal {
    public NotFound(String detail) {
        super(detail);
    }
}
