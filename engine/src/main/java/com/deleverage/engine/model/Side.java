package com.deleverage.engine.model;

import java.math.BigDecimal;

/** Direction of a position, from the sign of its quantity. */
public enum Side {
    LONG(1), SHORT(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for long, -1 for short: the {@code s} of the venues' formulas. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }

    public static Side of(BigDecimal signedQuantity) {
        return signedQuantity.signum() < 0 ? SHORT : LONG;
    }
}
