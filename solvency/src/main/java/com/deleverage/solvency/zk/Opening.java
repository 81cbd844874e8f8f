package com.deleverage.solvency.zk;

import com.deleverage.verifier.zk.CommitmentTree;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * What opens a Pedersen commitment {@code value·G + blinding·H}: known to the venue for every node, to an
 * account holder for their own leaf only.
 *
 * @param value    the committed amount, in units of 10^-8 (an integer, not reduced)
 * @param blinding a scalar modulo n
 */
public record Opening(BigInteger value, BigInteger blinding) {
    /** {@code value} with a blinding drawn uniformly from 1 … n − 1. */
    public static Opening of(BigInteger value, SecureRandom random) {
        return new Opening(value, randomScalar(random));
    }

    /** The opening of the sum of two commitments: values added, blindings added modulo n. */
    public Opening plus(Opening other) {
        return new Opening(value.add(other.value), blinding.add(other.blinding).mod(Secp256k1.ORDER));
    }

    public ECPoint commitment() {
        return CommitmentTree.commit(value, blinding);
    }

    /** Uniform in 1 … n − 1, by rejection: 256 random bits until they are a non-zero number below n. */
    static BigInteger randomScalar(SecureRandom random) {
        while (true) {
            BigInteger candidate = new BigInteger(256, random);
            if (candidate.signum() > 0 && candidate.compareTo(Secp256k1.ORDER) < 0) {
                return candidate;
            }
        }
    }
}
