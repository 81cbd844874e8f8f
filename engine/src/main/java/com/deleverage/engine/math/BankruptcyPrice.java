package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/**
 * The price at which the margin backing a position is exactly zero:
 * {@code BP = EP - s x margin / Q}. For an isolated position the margin is its isolated margin; for a
 * cross position it is the wallet balance plus the unrealised PnL of the account's other positions.
 * A long whose margin exceeds its entry value has no bankruptcy price above zero; it is reported as
 * null ("none").
 */
public final class BankruptcyPrice {
    private BankruptcyPrice() {
    }

    public static BigDecimal of(Side side, BigDecimal size, BigDecimal entryPrice, BigDecimal backingMargin) {
        BigDecimal move = Decimals.price(backingMargin, size);
        BigDecimal price = side == Side.LONG ? entryPrice.subtract(move) : entryPrice.add(move);
        return price.signum() <= 0 ? null : price;
    }
}
