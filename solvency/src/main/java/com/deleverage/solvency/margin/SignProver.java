package com.deleverage.solvency.margin;

import com.deleverage.solvency.zk.Opening;
import com.deleverage.verifier.margin.SignProof;
import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Makes the sign proof {@link SignProof} checks: of X and Y, the one whose opening has value 0 is answered honestly
 * (a Schnorr proof that it is a multiple of H), the other simulated from a challenge and response drawn first.
 */
final class SignProver {
    private static final BigInteger N = Secp256k1.ORDER;
    private final SecureRandom random;

    SignProver(SecureRandom random) {
        this.random = random;
    }

    /**
     * @throws IllegalArgumentException neither opening has value 0: the PnL is not ± (notional − cost basis)
     */
    SignProof prove(byte[] context, ECPoint x, Opening xOpening, ECPoint y, Opening yOpening) {
        boolean first = xOpening.value().signum() == 0;
        if (!first && yOpening.value().signum() != 0) {
            throw new IllegalArgumentException("the PnL is neither notional − cost basis nor its negation");
        }
        BigInteger secret = first ? xOpening.blinding() : yOpening.blinding();
        ECPoint simulatedPoint = first ? y : x;
        BigInteger k = scalar();
        BigInteger simulatedChallenge = scalar();
        BigInteger simulatedResponse = scalar();
        ECPoint real = Secp256k1.fixedBase(Generators.H, k).normalize();
        ECPoint simulated = ECAlgorithms.sumOfTwoMultiplies(Generators.H, simulatedResponse, simulatedPoint,
                simulatedChallenge.negate().mod(N)).normalize();
        BigInteger c = first ? SignProof.challenge(context, x, y, real, simulated)
                : SignProof.challenge(context, x, y, simulated, real);
        BigInteger realChallenge = c.subtract(simulatedChallenge).mod(N);
        BigInteger realResponse = k.add(realChallenge.multiply(secret)).mod(N);
        return first ? new SignProof(realChallenge, simulatedChallenge, realResponse, simulatedResponse)
                : new SignProof(simulatedChallenge, realChallenge, simulatedResponse, realResponse);
    }

    private BigInteger scalar() {
        return Opening.of(BigInteger.ZERO, random).blinding();
    }
}
