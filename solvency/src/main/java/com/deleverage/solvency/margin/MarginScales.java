package com.deleverage.solvency.margin;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The smallest units in which every figure of a snapshot is a whole number (docs/solvency.md, "Scaling decimals to
 * integers"), so the margin math of the statements is exact: a market's quantities in 10^-Q (Q: the most decimals
 * of its positions' quantities), money in 10^-S (S: enough for every wallet and isolated margin, every cost basis
 * |quantity| × entry, every tier floor and cap, and every notional: S ≥ Q + the mark's decimals), rates in 10^-R
 * (the most decimals of any rate), tier amounts then in 10^-(S+R).
 *
 * @param quantityDecimals Q of each market held, by symbol
 */
record MarginScales(int moneyDecimals, int rateDecimals, Map<String, Integer> quantityDecimals) {

    static MarginScales of(Collection<Account> accounts, Map<String, Market> markets) {
        Map<String, Integer> quantity = new TreeMap<>();
        int money = 0;
        for (Account account : accounts) {
            if (account.positions().isEmpty()) {
                continue;
            }
            money = Math.max(money, decimals(account.walletBalance()));
            for (Position position : account.positions()) {
                quantity.merge(position.symbol(), decimals(position.quantity()), Math::max);
                money = Math.max(money, decimals(position.quantity().abs().multiply(position.entryPrice())));
                if (position.isolatedMargin() != null) {
                    money = Math.max(money, decimals(position.isolatedMargin()));
                }
            }
        }
        int rate = 0;
        for (String symbol : quantity.keySet()) {
            Market market = markets.get(symbol);
            money = Math.max(money, quantity.get(symbol) + decimals(market.markPrice()));
            for (RiskTier tier : market.riskTiers()) {
                money = Math.max(money, Math.max(decimals(tier.notionalFloor()), decimals(tier.notionalCap())));
                rate = Math.max(rate, decimals(tier.maintenanceMarginRate()));
            }
        }
        for (String symbol : quantity.keySet()) {
            for (RiskTier tier : markets.get(symbol).riskTiers()) {
                money = Math.max(money, decimals(tier.maintenanceAmount()) - rate);
            }
        }
        return new MarginScales(money, rate, quantity);
    }

    /** Decimal places of a value written without trailing zeros (0 for whole numbers). */
    static int decimals(BigDecimal value) {
        return Math.max(value.stripTrailingZeros().scale(), 0);
    }
}
