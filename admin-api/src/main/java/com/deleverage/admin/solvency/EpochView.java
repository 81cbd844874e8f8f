package com.deleverage.admin.solvency;

import com.deleverage.verifier.zk.RangeProofFile;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published epoch (docs/api.md, "Proof of solvency"): the commitment to every account's liability and the
 * claim made with it.
 *
 * @param root         the tree's root: its hash and the sum of all liabilities, in units of 10^-8
 * @param reserves     the declared reserve, as given: asset to amount in its own units
 * @param accountCount accounts in the tree (padding leaves not counted)
 * @param solvent      the reserve, in units of 10^-8, is at least the root's sum
 * @param deficits     what bankrupt margin pools owe the venue: the insurance fund's, not in the tree
 * @param zeroKnowledge true for a step-2 epoch, absent for step 1
 * @param solvencyProof a solvent step-2 epoch's range proof that the reserve covers the hidden total
 */
public record EpochView(long epoch, Instant asOf, Root root, Map<String, String> reserves, int accountCount,
                        boolean solvent, Deficits deficits, String publishedBy, Instant publishedAt,
                        Boolean zeroKnowledge, RangeProofFile solvencyProof) {

    /**
     * The root: for step 1 its hash and sum; for a zero-knowledge epoch its hash and commitment, the total hidden.
     */
    public record Root(String hash, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger sum, String commitment) {
    }

    /**
     * @param sum      every deficit together, in units of 10^-8
     * @param accounts each account with a deficit, by account id
     */
    public record Deficits(@JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger sum, List<AccountDeficit> accounts) {
    }

    public record AccountDeficit(String accountId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger deficit) {
    }
}
