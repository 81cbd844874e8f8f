package com.deleverage.verifier;

import com.deleverage.verifier.zk.CommitmentTree;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.RangeStatement;
import com.deleverage.verifier.zk.RangeVerifier;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a step-2 epoch's solvency claim without learning the total: one range proof over the root commitment
 * C (of the liabilities L) and {@code reserve·G − C} (of reserve − L) shows that both are in [0, 2^64), hence
 * 0 ≤ L ≤ reserve.
 */
public final class SolvencyCheck {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private SolvencyCheck() {
    }

    /** @param trustedRoot a root hash published elsewhere that the epoch's must equal, or null */
    public static Verdict verify(String epochJson, String trustedRoot) {
        List<String> checked = new ArrayList<>();
        try {
            ZkEpochFile epoch = StrictJson.read(epochJson, ZkEpochFile.class, "the epoch file");
            long number = Fields.required(epoch.epoch(), "epoch");
            ZkProofFile.Node root = Fields.required(epoch.root(), "root");
            byte[] hash = Fields.hex32(root.hash(), "root.hash");
            ECPoint commitment = Secp256k1.point(root.commitment(), "root.commitment");
            long accounts = Fields.required(epoch.accountCount(), "accountCount");
            if (accounts < 1) {
                throw new Failure("accountCount must be at least 1, not " + accounts);
            }
            if (trustedRoot != null && !Arrays.equals(hash, Fields.hex32(trustedRoot, "the root given with --root"))) {
                throw new Failure("the epoch's root " + root.hash() + " is not the published root " + trustedRoot);
            }
            checked.add("ok: epoch " + number + " as of " + epoch.asOf() + " commits to the liabilities of " + accounts
                    + " accounts in root " + root.hash() + " (the total is hidden in commitment " + root.commitment() + ")");
            DeclaredReserve reserve = DeclaredReserve.of(epoch.reserves());
            if (!Fields.required(epoch.solvent(), "solvent")) {
                throw new Failure("the epoch says solvent: false: the venue does not claim that reserves of "
                        + reserve.amount() + " " + reserve.asset() + " cover its liabilities, so there is nothing to prove");
            }
            if (reserve.units().compareTo(TWO_64) >= 0) {
                throw new Failure("reserves of " + reserve.amount() + " " + reserve.asset() + " are 2^64 units of 10^-8 "
                        + "or more: beyond what a step-2 proof can state");
            }
            ECPoint surplus = CommitmentTree.surplus(reserve.units(), commitment);
            if (surplus.isInfinity()) {
                throw new Failure("reserve·G − root commitment is the point at infinity: no honest epoch has it");
            }
            RangeVerifier.verify(new RangeStatement(List.of(commitment, surplus),
                    CommitmentTree.solvencyContext(hash, reserve.units())),
                    RangeProof.from(epoch.solvencyProof(), "solvencyProof"));
            checked.add("ok: the solvency proof shows the committed liabilities and the reserves minus them are both "
                    + "from 0 to 2^64 - 1 units of 10^-8");
            checked.add("PASS: reserves of " + reserve.amount() + " " + reserve.asset() + " cover the liabilities "
                    + "committed to in root " + root.hash() + " of epoch " + number + " (their total is not revealed)");
            return new Verdict(true, checked);
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        } catch (ProofRejected rejected) {
            return Verdict.fail(checked, rejected.getMessage());
        }
    }
}
