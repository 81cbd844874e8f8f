package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregated Bulletproofs range proof (Bünz et al. 2018, section 4.3, with the inner-product argument of
 * section 3), decoded: the prover's messages in the order they enter the transcript.
 */
public record RangeProof(ECPoint a, ECPoint s, ECPoint t1, ECPoint t2, BigInteger taux, BigInteger mu,
                         BigInteger tHat, List<ECPoint> l, List<ECPoint> r, BigInteger aFinal, BigInteger bFinal) {
    public RangeProof {
        l = List.copyOf(l);
        r = List.copyOf(r);
    }

    /** Reads the JSON form strictly: every point compressed and on the curve, every scalar below n. */
    public static RangeProof from(RangeProofFile file, String field) throws ProofRejected {
        if (file == null) {
            throw new ProofRejected(field + " is missing");
        }
        if (file.l() == null || file.r() == null) {
            throw new ProofRejected(field + ".L and " + field + ".R are required");
        }
        return new RangeProof(Secp256k1.point(file.a(), field + ".A"), Secp256k1.point(file.s(), field + ".S"),
                Secp256k1.point(file.t1(), field + ".T1"), Secp256k1.point(file.t2(), field + ".T2"),
                Secp256k1.scalar(file.taux(), field + ".taux"), Secp256k1.scalar(file.mu(), field + ".mu"),
                Secp256k1.scalar(file.tHat(), field + ".tHat"), points(file.l(), field + ".L"),
                points(file.r(), field + ".R"), Secp256k1.scalar(file.aFinal(), field + ".a"),
                Secp256k1.scalar(file.bFinal(), field + ".b"));
    }

    public RangeProofFile toFile() {
        return new RangeProofFile(Secp256k1.hex(a), Secp256k1.hex(s), Secp256k1.hex(t1), Secp256k1.hex(t2),
                Secp256k1.hex(taux), Secp256k1.hex(mu), Secp256k1.hex(tHat), l.stream().map(Secp256k1::hex).toList(),
                r.stream().map(Secp256k1::hex).toList(), Secp256k1.hex(aFinal), Secp256k1.hex(bFinal));
    }

    private static List<ECPoint> points(List<String> hex, String field) throws ProofRejected {
        List<ECPoint> points = new ArrayList<>(hex.size());
        for (int i = 0; i < hex.size(); i++) {
            points.add(Secp256k1.point(hex.get(i), field + "[" + i + "]"));
        }
        return points;
    }
}
