package com.deleverage.admin.solvency;

import com.deleverage.solvency.tree.SumNode;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One solvency_epoch row.
 *
 * @param root           its hash and the total of the liabilities (for a zero-knowledge epoch the committed total,
 *                       which only the venue sees)
 * @param rootCommitment the root's Pedersen commitment of a zero-knowledge epoch, null for step 1
 * @param solvencyProof  the JSON of a solvent zero-knowledge epoch's solvency proof, otherwise null
 */
record StoredEpoch(long epoch, Instant asOf, SumNode root, int depth, int accountCount, String reserveAsset,
                   String reserveAmount, boolean solvent, BigInteger deficitSum, int deficitCount, String publishedBy,
                   Instant publishedAt, String rootCommitment, String solvencyProof) {
    static final String MERKLE_SUM = "merkle-sum";
    static final String PEDERSEN = "pedersen";

    boolean zeroKnowledge() {
        return rootCommitment != null;
    }

    String scheme() {
        return zeroKnowledge() ? PEDERSEN : MERKLE_SUM;
    }
}
