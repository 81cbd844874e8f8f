package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * The figures of an assessed account that ADL scores read (Binance ranks a cross position by its account's
 * pool). The engine's {@code AccountRisk} is one. Money in quote currency.
 */
public interface AssessedAccount {
    String accountId();

    BigDecimal walletBalance();

    BigDecimal unrealizedPnl();

    BigDecimal maintenanceMargin();
}
