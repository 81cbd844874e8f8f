package com.deleverage.verifier;

/** The file does not prove what it claims; the message says why, for the account holder. */
final class Failure extends Exception {
    Failure(String message) {
        super(message);
    }
}
