package com.deleverage.verifier.margin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A value of a margin statement that nobody is shown but everybody can form: {@code Σ coefficient·variable +
 * constant}, with public integer coefficients (marks, rates, scales) over committed variables (a pool's wallet,
 * each position's quantity, cost basis and PnL). Evaluated over commitments it gives the commitment to the value
 * (Pedersen commitments add up); evaluated over openings it gives the value itself and its blinding: the verifier
 * and the prover use the same {@code Affine}, so what is proven is exactly what is checked.
 *
 * @param label what the value is, for the account holder's messages ("notional of BTCUSDT above its tier's floor")
 */
public record Affine(String label, List<Term> terms, BigInteger constant) {
    /** {@code coefficient · variable}: the variable is an index into the pool's committed values. */
    public record Term(BigInteger coefficient, int variable) {
    }

    public Affine {
        terms = List.copyOf(terms);
    }

    public static Affine of(String label, int variable) {
        return new Affine(label, List.of(new Term(BigInteger.ONE, variable)), BigInteger.ZERO);
    }

    public Affine plus(BigInteger coefficient, int variable) {
        List<Term> more = new ArrayList<>(terms);
        more.add(new Term(coefficient, variable));
        return new Affine(label, more, constant);
    }

    public Affine plus(Affine other, BigInteger factor) {
        List<Term> more = new ArrayList<>(terms);
        other.terms.forEach(t -> more.add(new Term(t.coefficient.multiply(factor), t.variable)));
        return new Affine(label, more, constant.add(other.constant.multiply(factor)));
    }

    public Affine plusConstant(BigInteger value) {
        return new Affine(label, terms, constant.add(value));
    }

    public Affine named(String name) {
        return new Affine(name, terms, constant);
    }
}
