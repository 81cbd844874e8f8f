package com.deleverage.engine.evaluate;

import com.deleverage.engine.risk.AccountRisk;

import java.util.List;

/** An account's figures in a decision. */
public record AccountResult(AccountRisk risk, List<PositionResult> positions) {
    public AccountResult {
        positions = List.copyOf(positions);
    }
}
