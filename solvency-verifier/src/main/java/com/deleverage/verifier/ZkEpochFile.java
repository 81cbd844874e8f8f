package com.deleverage.verifier;

import com.deleverage.verifier.zk.RangeProofFile;

import java.util.Map;

/** A published step-2 epoch: the root commitment instead of the total, and the proof of the solvency claim. */
record ZkEpochFile(Long epoch, String asOf, ZkProofFile.Node root, Map<String, String> reserves, Long accountCount,
                   Boolean solvent, RangeProofFile solvencyProof) {
}
