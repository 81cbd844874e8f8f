package com.deleverage.engine.risk;

import com.deleverage.engine.math.AssessedAccount;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;

import java.math.BigDecimal;

/**
 * The engine's assessment of one account: the fact policies reason about.
 *
 * @param accountId         account id
 * @param marginMode        CROSS or ISOLATED
 * @param walletBalance     wallet balance as submitted
 * @param unrealizedPnl     sum of the positions' unrealised PnL
 * @param equity            CROSS: {@code walletBalance + unrealizedPnl}; ISOLATED: {@code walletBalance +
 *                          sum(isolatedMargin + unrealizedPnl)}
 * @param maintenanceMargin sum of the positions' maintenance margins
 * @param marginRatio       CROSS: {@code maintenanceMargin / equity}; ISOLATED: the highest ratio of its
 *                          positions; null when bankrupt
 * @param bankrupt          CROSS: equity is zero or negative; ISOLATED: some position's margin is
 * @param weakestPoolEquity equity of the account's weakest margin pool, what a bankrupt account is ranked by:
 *                          CROSS the account's equity; ISOLATED the lowest {@code isolatedMargin +
 *                          unrealizedPnl} of its positions (the free wallet backs none of them), or the
 *                          account's equity when it holds none
 * @param riskRank          1 for the riskiest account of the snapshot (bankrupt accounts first, most
 *                          negative weakest-pool equity first, then highest margin ratio), 2 for the next, ...
 * @param account           the account as submitted
 */
public record AccountRisk(String accountId, MarginMode marginMode, BigDecimal walletBalance,
                          BigDecimal unrealizedPnl, BigDecimal equity, BigDecimal maintenanceMargin,
                          BigDecimal marginRatio, boolean bankrupt, BigDecimal weakestPoolEquity, int riskRank,
                          Account account) implements AssessedAccount {

    AccountRisk withRiskRank(int rank) {
        return new AccountRisk(accountId, marginMode, walletBalance, unrealizedPnl, equity, maintenanceMargin,
                marginRatio, bankrupt, weakestPoolEquity, rank, account);
    }
}
