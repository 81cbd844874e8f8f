package com.deleverage.admin.solvency;

import com.deleverage.solvency.tree.SumNode;
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
 */
public record EpochView(long epoch, Instant asOf, SumNode root, Map<String, String> reserves, int accountCount,
                        boolean solvent, Deficits deficits, String publishedBy, Instant publishedAt) {

    /**
     * @param sum      every deficit together, in units of 10^-8
     * @param accounts each account with a deficit, by account id
     */
    public record Deficits(@JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger sum, List<AccountDeficit> accounts) {
    }

    public record AccountDeficit(String accountId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger deficit) {
    }
}
