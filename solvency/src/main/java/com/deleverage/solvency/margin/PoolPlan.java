package com.deleverage.solvency.margin;

import com.deleverage.engine.model.Position;
import com.deleverage.verifier.margin.PoolFile;

import java.math.BigDecimal;
import java.util.List;

/**
 * A pool to prove: the account (its id, fresh salt and commitment), the isolated position's symbol or null for a
 * cross account, the collateral, its positions with the tier each falls in, and the action linked to it or null.
 */
record PoolPlan(String accountId, String salt, String accountCommitment, String symbol, BigDecimal collateral,
                List<Placed> positions, PoolFile.Link link) {
    /** @param tier 1-based, the engine's tier of the position's notional at the mark */
    record Placed(Position position, int tier) {
    }
}
