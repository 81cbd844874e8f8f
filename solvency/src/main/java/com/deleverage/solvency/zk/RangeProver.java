package com.deleverage.solvency.zk;

import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.RangeStatement;
import com.deleverage.verifier.zk.Secp256k1;
import com.deleverage.verifier.zk.Transcript;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes an aggregated Bulletproofs range proof (Bünz et al. 2018, sections 4.1–4.3) that each of some
 * commitments opens to a value in [0, 2^64), for {@link com.deleverage.verifier.zk.RangeVerifier} to check:
 * the verifier's transcript, generators and statement are used as they are, so the two cannot drift apart.
 */
public final class RangeProver {
    private static final BigInteger N = Secp256k1.ORDER;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(RangeStatement.BITS);

    private final SecureRandom random;

    public RangeProver(SecureRandom random) {
        this.random = random;
    }

    /**
     * @throws IllegalArgumentException a value is outside [0, 2^64): there is no proof of it
     */
    public RangeProof prove(List<Opening> openings, byte[] context) {
        for (Opening opening : openings) {
            if (opening.value().signum() < 0 || opening.value().compareTo(TWO_64) >= 0) {
                throw new IllegalArgumentException("value " + opening.value() + " is outside [0, 2^64)");
            }
        }
        return proveUnchecked(openings, context);
    }

    /**
     * The protocol without the range check of {@link #prove}: only for tests that show a value out of range
     * yields a proof the verifier rejects. Values are taken modulo n, then their low 64 bits are committed to.
     */
    RangeProof proveUnchecked(List<Opening> openings, byte[] context) {
        RangeStatement statement = new RangeStatement(openings.stream().map(Opening::commitment).toList(), context);
        int m = statement.m();
        int bits = statement.bitCount();
        ECPoint[] g = Generators.g(bits);
        ECPoint[] h = Generators.h(bits);

        BigInteger[] aL = new BigInteger[bits];
        BigInteger[] aR = new BigInteger[bits];
        for (int j = 0; j < m; j++) {
            BigInteger value = j < openings.size() ? openings.get(j).value().mod(N) : BigInteger.ZERO;
            for (int i = 0; i < RangeStatement.BITS; i++) {
                aL[j * RangeStatement.BITS + i] = value.testBit(i) ? BigInteger.ONE : BigInteger.ZERO;
                aR[j * RangeStatement.BITS + i] = aL[j * RangeStatement.BITS + i].subtract(BigInteger.ONE).mod(N);
            }
        }
        BigInteger alpha = Opening.randomScalar(random);
        ECPoint a = Generators.H.multiply(alpha);
        for (int i = 0; i < bits; i++) {
            a = aL[i].signum() == 1 ? a.add(g[i]) : a.subtract(h[i]);
        }
        BigInteger[] sL = randomScalars(bits);
        BigInteger[] sR = randomScalars(bits);
        BigInteger rho = Opening.randomScalar(random);
        ECPoint s = msm(concat(new ECPoint[]{Generators.H}, g, h), concat(new BigInteger[]{rho}, sL, sR));

        Transcript transcript = statement.transcript().append("A", a).append("S", s);
        BigInteger y = transcript.challenge("y");
        BigInteger z = transcript.challenge("z");

        // l(X) = (aL − z·1) + sL·X;  r(X) = y^i ∘ (aR + z·1 + sR·X) + z^(2+j)·2^i per block j.
        BigInteger[] l0 = new BigInteger[bits];
        BigInteger[] r0 = new BigInteger[bits];
        BigInteger[] r1 = new BigInteger[bits];
        BigInteger yPower = BigInteger.ONE;
        BigInteger zBlock = z.multiply(z).mod(N);
        for (int i = 0; i < bits; i++) {
            if (i > 0 && i % RangeStatement.BITS == 0) {
                zBlock = zBlock.multiply(z).mod(N);
            }
            l0[i] = aL[i].subtract(z).mod(N);
            r0[i] = yPower.multiply(aR[i].add(z)).add(zBlock.shiftLeft(i % RangeStatement.BITS)).mod(N);
            r1[i] = yPower.multiply(sR[i]).mod(N);
            yPower = yPower.multiply(y).mod(N);
        }
        BigInteger t1 = inner(l0, r1).add(inner(sL, r0)).mod(N);
        BigInteger t2 = inner(sL, r1);
        BigInteger tau1 = Opening.randomScalar(random);
        BigInteger tau2 = Opening.randomScalar(random);
        ECPoint bigT1 = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, t1, Generators.H, tau1).normalize();
        ECPoint bigT2 = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, t2, Generators.H, tau2).normalize();
        transcript.append("T1", bigT1).append("T2", bigT2);
        BigInteger x = transcript.challenge("x");

        BigInteger[] l = new BigInteger[bits];
        BigInteger[] r = new BigInteger[bits];
        for (int i = 0; i < bits; i++) {
            l[i] = l0[i].add(sL[i].multiply(x)).mod(N);
            r[i] = r0[i].add(r1[i].multiply(x)).mod(N);
        }
        BigInteger tHat = inner(l, r);
        BigInteger taux = tau2.multiply(x).multiply(x).add(tau1.multiply(x));
        BigInteger zPower = z.multiply(z).mod(N);
        for (Opening opening : openings) {
            taux = taux.add(zPower.multiply(opening.blinding()));
            zPower = zPower.multiply(z).mod(N);
        }
        taux = taux.mod(N);
        BigInteger mu = alpha.add(rho.multiply(x)).mod(N);
        transcript.append("taux", taux).append("mu", mu).append("tHat", tHat);
        BigInteger w = transcript.challenge("w");

        // The inner-product argument runs over H'_i = y^−i·H_i, so that <l, G> + <r, H'> is what A and S commit to.
        ECPoint[] hPrime = new ECPoint[bits];
        BigInteger yInverse = y.modInverse(N);
        BigInteger yInversePower = BigInteger.ONE;
        for (int i = 0; i < bits; i++) {
            hPrime[i] = Secp256k1.fixedBase(h[i], yInversePower);
            yInversePower = yInversePower.multiply(yInverse).mod(N);
        }
        List<ECPoint> bigL = new ArrayList<>();
        List<ECPoint> bigR = new ArrayList<>();
        BigInteger[] ab = innerProductArgument(g, normalized(hPrime), l, r, w, transcript, bigL, bigR);
        return new RangeProof(a.normalize(), s, bigT1, bigT2, taux, mu, tHat, bigL, bigR, ab[0], ab[1]);
    }

    /** Section 3, protocol 2, with Q = w·U: halves the vectors each round; returns the final a and b. */
    private static BigInteger[] innerProductArgument(ECPoint[] g, ECPoint[] h, BigInteger[] a, BigInteger[] b,
                                                     BigInteger w, Transcript transcript, List<ECPoint> bigL,
                                                     List<ECPoint> bigR) {
        while (a.length > 1) {
            int half = a.length / 2;
            BigInteger[] aLo = Arrays.copyOfRange(a, 0, half);
            BigInteger[] aHi = Arrays.copyOfRange(a, half, a.length);
            BigInteger[] bLo = Arrays.copyOfRange(b, 0, half);
            BigInteger[] bHi = Arrays.copyOfRange(b, half, b.length);
            ECPoint[] gLo = Arrays.copyOfRange(g, 0, half);
            ECPoint[] gHi = Arrays.copyOfRange(g, half, g.length);
            ECPoint[] hLo = Arrays.copyOfRange(h, 0, half);
            ECPoint[] hHi = Arrays.copyOfRange(h, half, h.length);
            BigInteger cL = inner(aLo, bHi).multiply(w).mod(N);
            BigInteger cR = inner(aHi, bLo).multiply(w).mod(N);
            ECPoint l = msm(concat(gHi, hLo, new ECPoint[]{Generators.U}), concat(aLo, bHi, new BigInteger[]{cL}));
            ECPoint r = msm(concat(gLo, hHi, new ECPoint[]{Generators.U}), concat(aHi, bLo, new BigInteger[]{cR}));
            bigL.add(l);
            bigR.add(r);
            transcript.append("L", l).append("R", r);
            BigInteger u = transcript.challenge("u");
            BigInteger uInverse = u.modInverse(N);
            a = new BigInteger[half];
            b = new BigInteger[half];
            for (int i = 0; i < half; i++) {
                a[i] = aLo[i].multiply(u).add(aHi[i].multiply(uInverse)).mod(N);
                b[i] = bLo[i].multiply(uInverse).add(bHi[i].multiply(u)).mod(N);
            }
            if (half > 1) {
                ECPoint[] nextG = new ECPoint[half];
                ECPoint[] nextH = new ECPoint[half];
                for (int i = 0; i < half; i++) {
                    nextG[i] = ECAlgorithms.sumOfTwoMultiplies(gLo[i], uInverse, gHi[i], u);
                    nextH[i] = ECAlgorithms.sumOfTwoMultiplies(hLo[i], u, hHi[i], uInverse);
                }
                g = normalized(nextG);
                h = normalized(nextH);
            }
        }
        return new BigInteger[]{a[0], b[0]};
    }

    private BigInteger[] randomScalars(int count) {
        BigInteger[] scalars = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            scalars[i] = Opening.randomScalar(random);
        }
        return scalars;
    }

    private static BigInteger inner(BigInteger[] left, BigInteger[] right) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < left.length; i++) {
            sum = sum.add(left[i].multiply(right[i]));
        }
        return sum.mod(N);
    }

    private static ECPoint msm(ECPoint[] points, BigInteger[] scalars) {
        ECPoint sum = ECAlgorithms.sumOfMultiplies(points, scalars).normalize();
        if (sum.isInfinity()) {
            throw new IllegalStateException("a proof message is the point at infinity (probability 2^-256)");
        }
        return sum;
    }

    private static ECPoint[] normalized(ECPoint[] points) {
        Secp256k1.CURVE.normalizeAll(points);
        return points;
    }

    private static ECPoint[] concat(ECPoint[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(ECPoint[]::new);
    }

    private static BigInteger[] concat(BigInteger[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(BigInteger[]::new);
    }
}
