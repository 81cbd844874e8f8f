package com.deleverage.engine.math;

import com.deleverage.engine.model.Account;

import java.math.BigDecimal;

/**
 * The figures of an assessed account that ADL scores and re-scoring after a fill read (Binance ranks a cross position by its account's
 * pool). The engine's {@code AccountRisk} is one. Money in quote currency.
 */
public interface AssessedAccount {
    String accountId();

    BigDecimal walletBalance();

    BigDecimal unrealizedPnl();

    BigDecimal maintenanceMargin();

    /** {@code walletBalance + unrealizedPnl} of its cross pool. */
    BigDecimal equity();

    /** Its rank among the accounts by risk (kept when a fill re-assesses it). */
    int riskRank();

    /** The account as submitted (a fill changes its wallet and one position). */
    Account account();
}
