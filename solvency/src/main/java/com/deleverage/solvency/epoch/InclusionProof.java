package com.deleverage.solvency.epoch;

import com.deleverage.solvency.tree.Sibling;
import com.deleverage.solvency.tree.SumNode;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigInteger;
import java.util.List;

/**
 * What an account holder needs to check that their liability is counted in an epoch's root: their salt (to
 * recompute their commitment), their leaf, and the siblings from the leaf's level upwards. Its JSON form
 * (components in order, amounts as decimal strings) is the proof format of docs/solvency.md.
 *
 * @param epoch the epoch it belongs to: a label no hash binds (the published epoch binds it to the root)
 */
public record InclusionProof(long epoch, String accountId, String salt,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger liability,
                             String accountCommitment, List<Sibling> path, SumNode root) implements AccountProof {
    public InclusionProof {
        path = List.copyOf(path);
    }
}
