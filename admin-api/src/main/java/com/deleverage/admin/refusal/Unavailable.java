package com.deleverage.admin.refusal;

/** The platform cannot take the request now (shutting down, or a queue is full); nothing was decided: retry. */
public final class Unavailable extends Refusal {
    public Unavailable(String detail) {
        super(detail);
    }
}
