package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an aggregated Bulletproofs range proof: that every commitment of the statement opens to a value in
 * [0, 2^64), without learning any value. Two equations (docs/solvency.md, "Verifying a range proof"), each
 * checked as one multi-scalar multiplication that must give the point at infinity.
 */
public final class RangeVerifier {
    private static final BigInteger N = Secp256k1.ORDER;
    private static final BigInteger TWO_N_MINUS_ONE = BigInteger.ONE.shiftLeft(RangeStatement.BITS).subtract(BigInteger.ONE);

    private RangeVerifier() {
    }

    public static void verify(RangeStatement statement, RangeProof proof) throws ProofRejected {
        int m = statement.m();
        int bits = statement.bitCount();
        int rounds = statement.rounds();
        if (proof.l().size() != rounds || proof.r().size() != rounds) {
            throw new ProofRejected("a range proof over " + statement.commitments().size() + " values has " + rounds
                    + " L and R points, this one " + proof.l().size() + " and " + proof.r().size());
        }
        Transcript transcript = statement.transcript().append("A", proof.a()).append("S", proof.s());
        BigInteger y = transcript.challenge("y");
        BigInteger z = transcript.challenge("z");
        transcript.append("T1", proof.t1()).append("T2", proof.t2());
        BigInteger x = transcript.challenge("x");
        transcript.append("taux", proof.taux()).append("mu", proof.mu()).append("tHat", proof.tHat());
        BigInteger w = transcript.challenge("w");
        BigInteger[] u = new BigInteger[rounds];
        for (int j = 0; j < rounds; j++) {
            transcript.append("L", proof.l().get(j)).append("R", proof.r().get(j));
            u[j] = transcript.challenge("u");
        }
        checkPolynomial(statement, proof, y, z, x, m, bits);
        checkInnerProduct(proof, y, z, x, w, u, m, bits);
    }

    /** t̂·G + τx·H = Σ z^(2+j)·V_j + δ(y,z)·G + x·T1 + x²·T2: t̂ is t(x) of the committed values. */
    private static void checkPolynomial(RangeStatement statement, RangeProof proof, BigInteger y, BigInteger z,
                                        BigInteger x, int m, int bits) throws ProofRejected {
        BigInteger sumY = powerSum(y, bits);
        BigInteger z2 = z.multiply(z).mod(N);
        BigInteger delta = z.subtract(z2).multiply(sumY);
        BigInteger zj = z2.multiply(z).mod(N);
        for (int j = 0; j < m; j++) {
            delta = delta.subtract(zj.multiply(TWO_N_MINUS_ONE));
            zj = zj.multiply(z).mod(N);
        }
        delta = delta.mod(N);
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        add(points, scalars, Secp256k1.G, proof.tHat().subtract(delta));
        add(points, scalars, Generators.H, proof.taux());
        BigInteger zPower = z2;
        for (ECPoint v : statement.commitments()) {
            add(points, scalars, v, zPower.negate());
            zPower = zPower.multiply(z).mod(N);
        }
        add(points, scalars, proof.t1(), x.negate());
        add(points, scalars, proof.t2(), x.multiply(x).negate());
        if (!sum(points, scalars).isInfinity()) {
            throw new ProofRejected("the range proof's polynomial check fails: t̂·G + τx·H is not what the "
                    + "commitments, T1 and T2 give (a value out of range, or a commitment or proof altered)");
        }
    }

    /**
     * A + x·S − z·ΣG_i + Σ(z + z^(2+⌊i/64⌋)·2^(i mod 64)·y^−i)·H_i − μ·H + w·t̂·U + Σ(u_j²·L_j + u_j^−2·R_j)
     * = Σ a·s_i·G_i + Σ b·s_i^−1·y^−i·H_i + a·b·w·U.
     */
    private static void checkInnerProduct(RangeProof proof, BigInteger y, BigInteger z, BigInteger x, BigInteger w,
                                          BigInteger[] u, int m, int bits) throws ProofRejected {
        int rounds = u.length;
        BigInteger[] uInverse = new BigInteger[rounds];
        BigInteger[] uSquared = new BigInteger[rounds];
        BigInteger s0 = BigInteger.ONE;
        for (int j = 0; j < rounds; j++) {
            uInverse[j] = u[j].modInverse(N);
            uSquared[j] = u[j].multiply(u[j]).mod(N);
            s0 = s0.multiply(uInverse[j]).mod(N);
        }
        // s_i = Π_j u_j^(+1 if bit (rounds-1-j) of i is set, else -1): round j splits the vector on that bit.
        BigInteger[] s = new BigInteger[bits];
        s[0] = s0;
        for (int i = 1; i < bits; i++) {
            int topBit = 31 - Integer.numberOfLeadingZeros(i);
            s[i] = s[i - (1 << topBit)].multiply(uSquared[rounds - 1 - topBit]).mod(N);
        }
        ECPoint[] g = Generators.g(bits);
        ECPoint[] h = Generators.h(bits);
        BigInteger yInverse = y.modInverse(N);
        BigInteger yInversePower = BigInteger.ONE;
        BigInteger a = proof.aFinal();
        BigInteger b = proof.bFinal();
        BigInteger[] zBlock = new BigInteger[m];
        zBlock[0] = z.multiply(z).mod(N);
        for (int j = 1; j < m; j++) {
            zBlock[j] = zBlock[j - 1].multiply(z).mod(N);
        }
        List<ECPoint> points = new ArrayList<>(2 * bits + 2 * rounds + 4);
        List<BigInteger> scalars = new ArrayList<>(2 * bits + 2 * rounds + 4);
        for (int i = 0; i < bits; i++) {
            add(points, scalars, g[i], z.negate().subtract(a.multiply(s[i])));
            BigInteger twoPower = BigInteger.ONE.shiftLeft(i % RangeStatement.BITS);
            BigInteger hScalar = z.add(zBlock[i / RangeStatement.BITS].multiply(twoPower).multiply(yInversePower))
                    .subtract(b.multiply(s[bits - 1 - i]).multiply(yInversePower));
            add(points, scalars, h[i], hScalar);
            yInversePower = yInversePower.multiply(yInverse).mod(N);
        }
        add(points, scalars, proof.a(), BigInteger.ONE);
        add(points, scalars, proof.s(), x);
        add(points, scalars, Generators.H, proof.mu().negate());
        add(points, scalars, Generators.U, w.multiply(proof.tHat().subtract(a.multiply(b))));
        for (int j = 0; j < rounds; j++) {
            add(points, scalars, proof.l().get(j), uSquared[j]);
            add(points, scalars, proof.r().get(j), uSquared[j].modInverse(N));
        }
        if (!sum(points, scalars).isInfinity()) {
            throw new ProofRejected("the range proof's inner-product check fails: the proof does not open the "
                    + "committed bits (a value out of range, or a commitment or proof altered)");
        }
    }

    /** 1 + y + y² + … + y^(count-1) mod n. */
    static BigInteger powerSum(BigInteger y, int count) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger power = BigInteger.ONE;
        for (int i = 0; i < count; i++) {
            sum = sum.add(power);
            power = power.multiply(y).mod(N);
        }
        return sum.mod(N);
    }

    private static void add(List<ECPoint> points, List<BigInteger> scalars, ECPoint point, BigInteger scalar) {
        points.add(point);
        scalars.add(scalar.mod(N));
    }

    private static ECPoint sum(List<ECPoint> points, List<BigInteger> scalars) {
        return ECAlgorithms.sumOfMultiplies(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new));
    }
}
