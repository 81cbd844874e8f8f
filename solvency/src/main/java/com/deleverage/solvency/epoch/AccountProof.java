package com.deleverage.solvency.epoch;

/**
 * What a venue hands one account holder for one epoch: a step-1 {@link InclusionProof}, or a step-2
 * {@link com.deleverage.solvency.zk.ZkInclusionProof} for a zero-knowledge epoch.
 */
public interface AccountProof {
    String accountId();
}
