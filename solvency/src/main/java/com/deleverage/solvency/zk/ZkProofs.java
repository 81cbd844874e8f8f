package com.deleverage.solvency.zk;

import com.deleverage.solvency.epoch.PlacedAccount;
import com.deleverage.verifier.zk.CommitmentTree;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.Secp256k1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The two proofs of a step-2 epoch, from a tree in memory or from a stored one: an account's inclusion proof
 * (one range proof aggregated over its leaf and every sibling, made when it is asked for) and the epoch's
 * solvency proof.
 */
public final class ZkProofs {
    private ZkProofs() {
    }

    /**
     * @param own             the opening of the account's leaf
     * @param path            the siblings from the leaf's level upwards
     * @param siblingOpenings their openings, in the same order
     */
    public static ZkInclusionProof inclusion(long epoch, PlacedAccount account, Opening own,
                                             List<CommittedSibling> path, List<Opening> siblingOpenings,
                                             CommittedNode root, RangeProver prover) {
        List<Opening> ranged = new ArrayList<>(siblingOpenings.size() + 1);
        ranged.add(own);
        ranged.addAll(siblingOpenings);
        RangeProof range = prover.prove(ranged, CommitmentTree.inclusionContext(HexFormat.of().parseHex(root.hash())));
        return new ZkInclusionProof(epoch, account.accountId(), account.salt(), own.value(),
                Secp256k1.hex(own.blinding()), account.commitment(), path, root, range.toFile());
    }

    /**
     * The solvency proof: the root's value L and {@code reserve − L} are both in [0, 2^64).
     *
     * @param root the opening of the root commitment
     * @throws IllegalArgumentException the reserve does not cover the liabilities, or is not below 2^64 units
     */
    public static RangeProof solvency(Opening root, String rootHash, BigInteger reserveUnits, RangeProver prover) {
        Opening surplus = new Opening(reserveUnits.subtract(root.value()), root.blinding().negate().mod(Secp256k1.ORDER));
        return prover.prove(List.of(root, surplus),
                CommitmentTree.solvencyContext(HexFormat.of().parseHex(rootHash), reserveUnits));
    }
}
