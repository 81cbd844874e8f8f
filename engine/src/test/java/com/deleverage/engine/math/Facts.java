package com.deleverage.engine.math;

import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Side;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;

import java.math.BigDecimal;

/**
 * Hand-built assessed facts for the math tests: every figure is given explicitly, none is computed by the
 * engine, so a test states exactly what the function under test reads.
 */
final class Facts {
    private Facts() {
    }

    static BigDecimal d(String literal) {
        return new BigDecimal(literal);
    }

    static PositionBuilder position(String account, String symbol, String signedQuantity, String entry, String mark) {
        return new PositionBuilder(account, symbol, d(signedQuantity), d(entry), d(mark));
    }

    static AccountRisk crossAccount(String id, String walletBalance, String unrealizedPnl, String maintenanceMargin) {
        BigDecimal equity = d(walletBalance).add(d(unrealizedPnl));
        return new AccountRisk(id, MarginMode.CROSS, d(walletBalance), d(unrealizedPnl), equity,
                d(maintenanceMargin), null, equity.signum() <= 0, equity, 1, null);
    }

    static final class PositionBuilder {
        private final String account;
        private final String symbol;
        private final BigDecimal quantity;
        private final BigDecimal entry;
        private final BigDecimal mark;
        private BigDecimal unrealizedPnl = BigDecimal.ZERO;
        private MarginMode marginMode = MarginMode.CROSS;
        private BigDecimal isolatedMargin;
        private BigDecimal maintenanceMargin = BigDecimal.ZERO;
        private BigDecimal equity = BigDecimal.ZERO;
        private BigDecimal poolMaintenanceMargin = BigDecimal.ZERO;
        private BigDecimal bankruptcyPrice;

        private PositionBuilder(String account, String symbol, BigDecimal quantity, BigDecimal entry, BigDecimal mark) {
            this.account = account;
            this.symbol = symbol;
            this.quantity = quantity;
            this.entry = entry;
            this.mark = mark;
        }

        PositionBuilder pnl(String value) {
            unrealizedPnl = d(value);
            return this;
        }

        PositionBuilder isolated(String margin) {
            marginMode = MarginMode.ISOLATED;
            isolatedMargin = d(margin);
            return this;
        }

        PositionBuilder margins(String ownMaintenance, String poolEquity, String poolMaintenance) {
            maintenanceMargin = d(ownMaintenance);
            equity = d(poolEquity);
            poolMaintenanceMargin = d(poolMaintenance);
            return this;
        }

        PositionBuilder bankruptcyPrice(String price) {
            bankruptcyPrice = d(price);
            return this;
        }

        PositionRisk build() {
            Position position = new Position(symbol, quantity, entry, 10, isolatedMargin);
            return new PositionRisk(account, symbol, Side.of(quantity), quantity.abs(), entry, mark, marginMode,
                    quantity.abs().multiply(mark), unrealizedPnl, null, 1, maintenanceMargin, equity,
                    poolMaintenanceMargin, null, equity.signum() <= 0, null, bankruptcyPrice, position);
        }
    }
}
