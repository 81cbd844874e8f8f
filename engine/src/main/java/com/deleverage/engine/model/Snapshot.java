package com.deleverage.engine.model;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Everything one evaluation looks at: markets, their insurance funds and the accounts with positions.
 *
 * @param ruleSet        name of the rule set to evaluate with
 * @param asOf           time the snapshot describes (the policy's notion of "now")
 * @param markets        markets referenced by the positions
 * @param insuranceFunds insurance funds, at most one per market
 * @param accounts       accounts with their positions
 */
public record Snapshot(@Nullable String ruleSet, Instant asOf, @Nullable List<Market> markets,
                       @Nullable List<InsuranceFund> insuranceFunds, @Nullable List<Account> accounts) {
    public Snapshot {
        markets = List.copyOf(markets == null ? List.of() : markets);
        insuranceFunds = List.copyOf(insuranceFunds == null ? List.of() : insuranceFunds);
        accounts = List.copyOf(accounts == null ? List.of() : accounts);
    }
}
