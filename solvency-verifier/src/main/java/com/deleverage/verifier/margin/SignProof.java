package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.Secp256k1;
import com.deleverage.verifier.zk.Transcript;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * The sign proof of a position: of the two commitments X = C(P) − C(N − B) and Y = C(P) + C(N − B), one is a
 * commitment to 0 — a multiple of H whose multiple the prover knows — so the PnL P is N − B (a long) or B − N (a
 * short), and which one is not shown. A one-of-two Schnorr proof (Cramer, Damgård and Schoenmakers, CRYPTO 1994)
 * made non-interactive with the transcript of section 14:
 *
 * <pre>
 *   R0 = z0·H − c0·X,  R1 = z1·H − c1·Y
 *   c0 + c1 = challenge "c" of Transcript("sign-proof") · "context" · "X" · "Y" · "R0" · "R1"   (mod n)
 * </pre>
 *
 * The prover knows x with X = x·H (or y with Y = y·H), answers that branch honestly and simulates the other by
 * choosing its challenge and response first; the verifier cannot tell which branch is the real one.
 */
public record SignProof(BigInteger c0, BigInteger c1, BigInteger z0, BigInteger z1) {

    public static SignProof from(PoolFile.SignProofFile file, String field) throws ProofRejected {
        if (file == null) {
            throw new ProofRejected(field + " is missing");
        }
        return new SignProof(Secp256k1.scalar(file.c0(), field + ".c0"), Secp256k1.scalar(file.c1(), field + ".c1"),
                Secp256k1.scalar(file.z0(), field + ".z0"), Secp256k1.scalar(file.z1(), field + ".z1"));
    }

    public PoolFile.SignProofFile toFile() {
        return new PoolFile.SignProofFile(Secp256k1.hex(c0), Secp256k1.hex(c1), Secp256k1.hex(z0), Secp256k1.hex(z1));
    }

    /** The transcript up to the challenge, shared with the prover. */
    public static BigInteger challenge(byte[] context, ECPoint x, ECPoint y, ECPoint r0, ECPoint r1) {
        return new Transcript("sign-proof").append("context", context).append("X", x).append("Y", y)
                .append("R0", r0).append("R1", r1).challenge("c");
    }

    public void verify(byte[] context, ECPoint x, ECPoint y, String position) throws ProofRejected {
        if (x.isInfinity() || y.isInfinity()) {
            throw new ProofRejected("the sign proof of " + position + " has a commitment at infinity");
        }
        BigInteger n = Secp256k1.ORDER;
        ECPoint r0 = ECAlgorithms.sumOfTwoMultiplies(Generators.H, z0, x, c0.negate().mod(n)).normalize();
        ECPoint r1 = ECAlgorithms.sumOfTwoMultiplies(Generators.H, z1, y, c1.negate().mod(n)).normalize();
        if (r0.isInfinity() || r1.isInfinity()
                || !challenge(context, x, y, r0, r1).equals(c0.add(c1).mod(n))) {
            throw new ProofRejected("the sign proof of " + position + " fails: its PnL is neither notional − cost "
                    + "basis (long) nor cost basis − notional (short) of its committed quantity and cost basis");
        }
    }
}
