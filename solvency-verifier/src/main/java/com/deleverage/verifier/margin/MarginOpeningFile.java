package com.deleverage.verifier.margin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What the venue gives one account holder (and nobody else) for a margin epoch: their salt and, for each of their
 * pools, the figures they know from their own statement (as decimals, as in the snapshot) with the blindings that
 * open the pool's commitments to them. {@code verify-margin EPOCH_DIR --opening FILE} checks that these are the
 * values committed.
 *
 * @param digest the digest of the epoch the opening is for
 */
@JsonPropertyOrder({"digest", "accountId", "salt", "pools"})
public record MarginOpeningFile(String digest, String accountId, String salt, List<Pool> pools) {

    /** @param wallet the wallet balance (cross) or the position's isolated margin */
    @JsonPropertyOrder({"symbol", "wallet", "walletBlinding", "positions"})
    public record Pool(String symbol, String wallet, String walletBlinding, List<Position> positions) {
    }

    /** @param quantity signed, as in the snapshot: positive long, negative short */
    @JsonPropertyOrder({"symbol", "quantity", "entryPrice", "quantityBlinding", "costBasisBlinding", "pnlBlinding"})
    public record Position(String symbol, String quantity, String entryPrice, String quantityBlinding,
                           String costBasisBlinding, String pnlBlinding) {
    }
}
