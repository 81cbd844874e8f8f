package com.deleverage.admin.evaluation;

import java.math.BigDecimal;

/** Decimals leave the API as strings in plain notation (never {@code 1E+3}), exactly as the engine computed them. */
final class DecimalText {
    private DecimalText() {
    }

    static String of(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
