package com.deleverage.admin.refusal;

/** The platform already does as much of this as it is configured to; the same request may succeed later. */
public final class LimitExceeded extends Refusal {
    public LimitExceeded(String detail) {
        super(detail);
    }
}
