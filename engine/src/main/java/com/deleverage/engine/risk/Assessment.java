package com.deleverage.engine.risk;

import java.util.List;

/** The engine's figures for every account and position of a snapshot, accounts in snapshot order. */
public record Assessment(List<AccountRisk> accounts, List<PositionRisk> positions) {
    public Assessment {
        accounts = List.copyOf(accounts);
        positions = List.copyOf(positions);
    }
}
