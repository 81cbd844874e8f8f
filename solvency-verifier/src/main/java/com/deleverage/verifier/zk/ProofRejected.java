package com.deleverage.verifier.zk;

/** A zero-knowledge proof, or one of its values, does not hold; the message says which, for the account holder. */
public final class ProofRejected extends Exception {
    public ProofRejected(String message) {
        super(message);
    }
}
