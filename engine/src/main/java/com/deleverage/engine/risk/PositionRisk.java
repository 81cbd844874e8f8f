package com.deleverage.engine.risk;

import com.deleverage.engine.math.AssessedPosition;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/**
 * The engine's assessment of one position at the snapshot's mark price: the fact policies reason about.
 *
 * @param accountId         owning account
 * @param symbol            market
 * @param side              LONG or SHORT
 * @param size              |quantity|, base units
 * @param entryPrice        average entry price
 * @param markPrice         the market's mark price
 * @param marginMode        the account's margin mode
 * @param notional          {@code size x markPrice}
 * @param unrealizedPnl     {@code quantity x (markPrice - entryPrice)}
 * @param tier              the risk tier the notional falls in
 * @param tierNumber        1-based number of that tier
 * @param maintenanceMargin the position's maintenance margin in that tier
 * @param equity            equity of the margin pool backing the position: the account's for CROSS,
 *                          {@code isolatedMargin + unrealizedPnl} for ISOLATED
 * @param poolMaintenanceMargin maintenance margin of that pool (the account's total for CROSS)
 * @param marginRatio       {@code poolMaintenanceMargin / equity}; null when the pool is bankrupt
 * @param bankrupt          whether the pool's equity is zero or negative
 * @param liquidationPrice  mark price at which the pool's margin ratio reaches 1, or null when none exists
 * @param bankruptcyPrice   mark price at which the position's backing margin is zero, or null when none exists
 * @param position          the position as submitted
 */
public record PositionRisk(String accountId, String symbol, Side side, BigDecimal size, BigDecimal entryPrice,
                           BigDecimal markPrice, MarginMode marginMode, BigDecimal notional,
                           BigDecimal unrealizedPnl, RiskTier tier, int tierNumber, BigDecimal maintenanceMargin,
                           BigDecimal equity, BigDecimal poolMaintenanceMargin, BigDecimal marginRatio,
                           boolean bankrupt, BigDecimal liquidationPrice, BigDecimal bankruptcyPrice,
                           Position position) implements AssessedPosition {

    /** The signed quantity as submitted (positive long, negative short). */
    public BigDecimal quantity() {
        return position.quantity();
    }

    public boolean isolated() {
        return marginMode == MarginMode.ISOLATED;
    }
}
