package com.deleverage.admin.refusal;

/** This caller may not do this to this object, whatever their role (the four-eyes rule). */
public final class Forbidden extends Refusal {
    public Forbidden(String detail) {
        super(detail);
    }
}
