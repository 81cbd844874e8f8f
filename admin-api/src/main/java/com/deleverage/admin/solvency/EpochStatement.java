package com.deleverage.admin.solvency;

import com.deleverage.engine.hash.Sha256;

/**
 * What the audit chain records of an epoch: its root hash as the row's {@code versionHash} and its figures as
 * the row's reason. Written when the epoch is published and recomputed from the stored epoch by
 * {@code /audit/verify}, so any later change to the root, its sum, the accounts counted, the reserve or the
 * claim (and, for a zero-knowledge epoch, to its root commitment) no longer matches the chain.
 */
record EpochStatement(String rootHash, String text) {
    static EpochStatement of(StoredEpoch e) {
        return new EpochStatement(Sha256.PREFIX + e.root().hash(), "epoch " + e.epoch() + " as of " + e.asOf()
                + ": root sum " + e.root().sum() + " (10^-8 units) over " + e.accountCount() + " accounts in a tree of "
                + "depth " + e.depth() + "; reserve " + e.reserveAmount() + " " + e.reserveAsset() + "; "
                + (e.solvent() ? "solvent" : "NOT solvent") + "; deficits " + e.deficitSum() + " (10^-8 units) of "
                + e.deficitCount() + " accounts"
                + (e.zeroKnowledge() ? "; zero-knowledge, root commitment " + e.rootCommitment() : ""));
    }
}
