package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * How a deficit is met by an insurance fund ({@link InsuranceFundMath#draw}).
 *
 * @param paid      quote currency the fund pays, {@code 0 <= paid <= deficit}
 * @param uncovered quote currency left for auto-deleveraging or socialised loss, {@code deficit - paid}
 */
public record FundDraw(BigDecimal paid, BigDecimal uncovered) {
    public boolean fullyCovered() {
        return uncovered.signum() == 0;
    }
}
