package com.deleverage.solvency.zk;

import com.deleverage.verifier.zk.RangeProof;

import java.security.SecureRandom;
import java.util.List;

/** For soundness probes outside this package: a range prover that proves whatever it is given, as a cheat would try. */
public final class UncheckedRangeProver {
    private final RangeProver prover;

    public UncheckedRangeProver(SecureRandom random) {
        this.prover = new RangeProver(random);
    }

    public RangeProof prove(List<Opening> openings, byte[] context) {
        return prover.proveUnchecked(openings, context);
    }
}
