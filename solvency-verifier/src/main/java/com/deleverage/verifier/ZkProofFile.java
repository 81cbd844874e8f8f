package com.deleverage.verifier;

import com.deleverage.verifier.zk.RangeProofFile;

import java.util.List;

/**
 * A zero-knowledge inclusion proof (docs/solvency.md, "Step 2: inclusion proof"): the account holder's own
 * opening (liability and blinding), the commitments beside the path, and one range proof over the leaf and
 * every sibling.
 */
record ZkProofFile(Long epoch, String accountId, String salt, String liability, String blinding,
                   String accountCommitment, List<Step> path, Node root, RangeProofFile rangeProof) {

    /** A sibling on the way up: {@code side} is the sibling's own side, {@code L} or {@code R}. */
    record Step(String side, String hash, String commitment) {
    }

    /** A node: its hash and its commitment. */
    record Node(String hash, String commitment) {
    }
}
