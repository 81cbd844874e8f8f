package com.deleverage.verifier;

import java.util.Map;

/**
 * An epoch as the venue publishes it (docs/solvency.md, "Epoch"); fields the verifier does not check, such as
 * the deficits, may be present and are not read.
 */
record EpochFile(Long epoch, String asOf, ProofFile.Node root, Map<String, String> reserves, Long accountCount,
                 Boolean solvent) {
}
