package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.List;

/** Evaluates an {@link Affine} over the committed variables' points: {@code Σ c·V + constant·G}, one multi-scalar sum. */
public final class Commitments {
    private Commitments() {
    }

    public static ECPoint of(Affine value, List<ECPoint> variables) {
        int count = value.terms().size() + 1;
        ECPoint[] points = new ECPoint[count];
        BigInteger[] scalars = new BigInteger[count];
        points[0] = Secp256k1.G;
        scalars[0] = value.constant().mod(Secp256k1.ORDER);
        for (int i = 1; i < count; i++) {
            Affine.Term term = value.terms().get(i - 1);
            points[i] = variables.get(term.variable());
            scalars[i] = term.coefficient().mod(Secp256k1.ORDER);
        }
        return ECAlgorithms.sumOfMultiplies(points, scalars).normalize();
    }

    /** {@code value·G + blinding·H}, the commitment an opening gives. */
    public static ECPoint commit(BigInteger value, BigInteger blinding) {
        return ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, value.mod(Secp256k1.ORDER), Generators.H,
                blinding.mod(Secp256k1.ORDER)).normalize();
    }
}
