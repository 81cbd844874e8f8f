package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.RangeProofFile;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One margin pool's statement, one line of {@code pools.jsonl}: a cross account (symbol null) or one isolated
 * position. Points are 66 hex digits, as everywhere in step 2.
 *
 * @param account     the account's commitment H(utf8(accountId) ‖ salt), as in step 1
 * @param wallet      commitment to the pool's collateral: the wallet balance (cross) or the isolated margin
 * @param link        the action of the decision that acted on the pool, or null: no action, so the pool must be
 *                    shown to be above the liquidation ratio
 * @param rangeProofs one single-value range proof per ranged value, in the order docs/solvency.md gives
 */
@JsonPropertyOrder({"account", "symbol", "wallet", "positions", "link", "rangeProofs"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PoolFile(String account, String symbol, String wallet, List<PositionFile> positions, Link link,
                       List<RangeProofFile> rangeProofs) {

    /**
     * @param tier      the claimed tier, 1-based as venues number them
     * @param quantity  commitment to |quantity| in units of 10^-Q of the base asset
     * @param costBasis commitment to |quantity| × entry price in units of 10^-S
     * @param pnl       commitment to the unrealised PnL in units of 10^-S
     * @param signProof that pnl is notional − costBasis (a long) or costBasis − notional (a short), without saying which
     */
    @JsonPropertyOrder({"symbol", "tier", "quantity", "costBasis", "pnl", "signProof"})
    public record PositionFile(String symbol, Integer tier, String quantity, String costBasis, String pnl,
                               SignProofFile signProof) {
    }

    /** The action: its decision, its 0-based index in the decision's actions, its type. */
    @JsonPropertyOrder({"decisionId", "action", "type"})
    public record Link(String decisionId, Integer action, String type) {
    }

    /** A one-of-two Schnorr proof (Cramer, Damgård, Schoenmakers 1994) over the blinding generator H. */
    @JsonPropertyOrder({"c0", "c1", "z0", "z1"})
    public record SignProofFile(String c0, String c1, String z0, String z1) {
    }
}
