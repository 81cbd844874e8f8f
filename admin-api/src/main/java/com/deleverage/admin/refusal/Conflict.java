package com.deleverage.admin.refusal;

/** The request is well formed, but the state of what it acts on does not allow it now. */
public final class Conflict extends Refusal {
    public Conflict(String detail) {
        super(detail);
    }
}
