package com.deleverage.verifier;

import java.util.List;

/**
 * An inclusion proof as the venue hands it to an account holder (docs/solvency.md, "Inclusion proof").
 * Every amount is a decimal string of units of 10^-8; every hash and the salt are lower-case hex.
 */
record ProofFile(Long epoch, String accountId, String salt, String liability, String accountCommitment,
                 List<Step> path, Node root) {

    /** A sibling on the way up: {@code side} is the sibling's own side, {@code L} or {@code R}. */
    record Step(String side, String hash, String sum) {
    }

    /** A node: its hash and the sum of the liabilities below it. */
    record Node(String hash, String sum) {
    }
}
