package com.deleverage.solvency.zk;

import com.deleverage.solvency.epoch.AccountProof;
import com.deleverage.verifier.zk.RangeProofFile;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigInteger;
import java.util.List;

/**
 * What an account holder needs to check, without learning anyone else's liability, that theirs is counted in a
 * step-2 epoch's root: their salt, liability and blinding (which open their leaf), the commitments beside the
 * path, and one range proof over their leaf and every sibling. Its JSON form is the format of docs/solvency.md.
 */
public record ZkInclusionProof(long epoch, String accountId, String salt,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger liability, String blinding,
                               String accountCommitment, List<CommittedSibling> path, CommittedNode root,
                               RangeProofFile rangeProof) implements AccountProof {
    public ZkInclusionProof {
        path = List.copyOf(path);
    }
}
