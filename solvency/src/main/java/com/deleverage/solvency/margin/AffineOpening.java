package com.deleverage.solvency.margin;

import com.deleverage.solvency.zk.Opening;
import com.deleverage.verifier.margin.Affine;
import com.deleverage.verifier.zk.Secp256k1;

import java.math.BigInteger;
import java.util.List;

/**
 * The prover's side of {@link com.deleverage.verifier.margin.Commitments#of}: the opening of an affine value, its
 * value as an exact integer (not reduced: a range proof needs it in [0, 2^64)) and its blinding modulo n. The
 * constant is committed with blinding 0, as the verifier adds {@code constant·G}.
 */
final class AffineOpening {
    private AffineOpening() {
    }

    static Opening of(Affine value, List<Opening> variables) {
        BigInteger sum = value.constant();
        BigInteger blinding = BigInteger.ZERO;
        for (Affine.Term term : value.terms()) {
            Opening variable = variables.get(term.variable());
            sum = sum.add(term.coefficient().multiply(variable.value()));
            blinding = blinding.add(term.coefficient().multiply(variable.blinding()));
        }
        return new Opening(sum, blinding.mod(Secp256k1.ORDER));
    }
}
