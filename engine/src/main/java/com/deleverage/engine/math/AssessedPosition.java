package com.deleverage.engine.math;

import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/**
 * The figures of an assessed position that ADL scores, ADL queues and partial liquidation read. The engine's
 * {@code PositionRisk} is one: declared here so that the math depends on no fact of the layer above it.
 * Money in quote currency, quantities in base units, prices quote per base unit.
 */
public interface AssessedPosition {
    String accountId();

    String symbol();

    Side side();

    /** {@code |quantity|}. */
    BigDecimal size();

    BigDecimal entryPrice();

    BigDecimal markPrice();

    MarginMode marginMode();

    /** {@code size x markPrice}. */
    BigDecimal notional();

    BigDecimal unrealizedPnl();

    /** The position's own maintenance margin in its tier. */
    BigDecimal maintenanceMargin();

    /** Equity of the margin pool backing the position. */
    BigDecimal equity();

    /** Maintenance margin of that whole pool. */
    BigDecimal poolMaintenanceMargin();

    /** Null when the position has none. */
    BigDecimal bankruptcyPrice();

    /** The position as submitted (its isolated margin). */
    Position position();
}
