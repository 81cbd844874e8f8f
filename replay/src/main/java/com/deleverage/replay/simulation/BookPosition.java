package com.deleverage.replay.simulation;

import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/** A position of the replayed book; mutable, owned by its {@link BookAccount}. */
final class BookPosition {
    final String symbol;
    BigDecimal quantity;
    final BigDecimal entryPrice;
    final Integer leverage;
    /** Margin set aside for an ISOLATED position, else null. */
    BigDecimal isolatedMargin;

    BookPosition(Position position) {
        this.symbol = position.symbol();
        this.quantity = position.quantity();
        this.entryPrice = position.entryPrice();
        this.leverage = position.leverage();
        this.isolatedMargin = position.isolatedMargin();
    }

    Side side() {
        return Side.of(quantity);
    }

    BigDecimal size() {
        return quantity.abs();
    }

    Position toPosition() {
        return new Position(symbol, quantity, entryPrice, leverage, isolatedMargin);
    }
}
