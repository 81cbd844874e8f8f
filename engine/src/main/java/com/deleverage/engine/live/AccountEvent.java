package com.deleverage.engine.live;

import com.deleverage.engine.model.MarginMode;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a trading system reports about one account between ticks. Every event has an id of its own (a
 * redelivered event is recognised by it and applied once) and the time the trading system stamped on it.
 */
public sealed interface AccountEvent permits AccountEvent.Fill, AccountEvent.Transfer, AccountEvent.MarginModeChange {
    String eventId();

    String account();

    Instant at();

    /**
     * A trade of the account in one market: it opens, adds to, reduces, closes or flips the account's position.
     *
     * @param quantity       signed size traded in base units: positive buys, negative sells; never zero
     * @param price          the trade's price, &gt; 0
     * @param isolatedMargin for an ISOLATED account, the position's isolated margin after the trade (required when
     *                       the trade opens a position; when absent otherwise the position keeps its margin)
     */
    record Fill(String eventId, String account, Instant at, String symbol, BigDecimal quantity, BigDecimal price,
                @Nullable BigDecimal isolatedMargin) implements AccountEvent {
        public Fill {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(price, "price");
        }
    }

    /** A deposit (positive amount) or a withdrawal (negative) of collateral, in quote currency. */
    record Transfer(String eventId, String account, Instant at, BigDecimal amount) implements AccountEvent {
        public Transfer {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The account switches between CROSS and ISOLATED margin; venues allow it only without open positions. */
    record MarginModeChange(String eventId, String account, Instant at, MarginMode marginMode) implements AccountEvent {
        public MarginModeChange {
            Objects.requireNonNull(marginMode, "marginMode");
        }
    }
}
