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
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a zero-knowledge inclusion proof (step 2): the account holder's liability and blinding open their
 * leaf's commitment, the commitments beside the path lead to a root they trust, and the range proof shows that
 * their leaf and every sibling commit to a value in [0, 2^64) — so no negative balance was netted against
 * theirs on the way to the root — without showing any other account's value.
 */
public final class RangeCheck {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private RangeCheck() {
    }

    /** The proof against a root hash published elsewhere (64 lower-case hex digits). */
    public static Verdict againstRoot(String proofJson, String rootHash) {
        List<String> checked = new ArrayList<>();
        try {
            byte[] trusted = Fields.hex32(rootHash, "the root given with --root");
            return verify(StrictJson.read(proofJson, ZkProofFile.class, "the proof file"), trusted, checked);
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        }
    }

    /** The proof against a published step-2 epoch: root (hash and commitment), epoch number and tree height. */
    public static Verdict againstEpoch(String proofJson, String epochJson) {
        List<String> checked = new ArrayList<>();
        try {
            ZkEpochFile epoch = StrictJson.read(epochJson, ZkEpochFile.class, "the epoch file");
            ZkProofFile proof = StrictJson.read(proofJson, ZkProofFile.class, "the proof file");
            long number = Fields.required(epoch.epoch(), "the epoch file's epoch");
            ZkProofFile.Node root = Fields.required(epoch.root(), "the epoch file's root");
            byte[] trusted = Fields.hex32(root.hash(), "the epoch file's root.hash");
            if (!Fields.required(proof.epoch(), "epoch").equals(number)) {
                throw new Failure("the proof is for epoch " + proof.epoch() + ", the epoch file is epoch " + number);
            }
            long accounts = Fields.required(epoch.accountCount(), "the epoch file's accountCount");
            if (accounts < 1) {
                throw new Failure("the epoch file's accountCount must be at least 1, not " + accounts);
            }
            int depth = Long.numberOfTrailingZeros(InclusionCheck.widthFor(accounts));
            int levels = Fields.required(proof.path(), "path").size();
            if (levels != depth) {
                throw new Failure("a tree of " + accounts + " accounts has " + depth + " levels above its leaves, but "
                        + "the proof's path has " + levels + " siblings");
            }
            Verdict verdict = verify(proof, trusted, checked);
            if (verdict.passed() && !java.util.Objects.equals(root.commitment(), proof.root().commitment())) {
                return Verdict.fail(checked, "the proof's root commitment is not the epoch's");
            }
            return verdict;
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        }
    }

    private static Verdict verify(ZkProofFile proof, byte[] trustedRoot, List<String> checked) throws Failure {
        try {
            return check(proof, trustedRoot, checked);
        } catch (ProofRejected rejected) {
            throw new Failure(rejected.getMessage());
        }
    }

    private static Verdict check(ZkProofFile proof, byte[] trustedRoot, List<String> checked)
            throws Failure, ProofRejected {
        Fields.required(proof.epoch(), "epoch");
        String accountId = Fields.required(proof.accountId(), "accountId");
        byte[] salt = Fields.hex32(proof.salt(), "salt");
        BigInteger liability = Fields.amount(proof.liability(), "liability");
        BigInteger blinding = Secp256k1.scalar(proof.blinding(), "blinding");
        byte[] accountCommitment = Fields.hex32(proof.accountCommitment(), "accountCommitment");
        List<ZkProofFile.Step> path = Fields.required(proof.path(), "path");
        ZkProofFile.Node claimedRoot = Fields.required(proof.root(), "root");
        byte[] claimedRootHash = Fields.hex32(claimedRoot.hash(), "root.hash");
        ECPoint claimedRootCommitment = Secp256k1.point(claimedRoot.commitment(), "root.commitment");
        if (path.size() >= RangeStatement.MAX_VALUES) {
            throw new Failure("a path of " + path.size() + " levels is longer than any tree of this format (at most "
                    + (RangeStatement.MAX_VALUES - 1) + ")");
        }
        if (liability.compareTo(TWO_64) >= 0) {
            throw new Failure("liability " + liability + " is not below 2^64: no step-2 tree holds it");
        }
        if (!Arrays.equals(Sha256Tree.commitment(accountId, salt), accountCommitment)) {
            throw new Failure("account id '" + accountId + "' and this salt do not give the accountCommitment of the proof");
        }
        checked.add("ok: account id '" + accountId + "' and its salt give commitment " + hex(accountCommitment));
        ECPoint leaf = CommitmentTree.commit(liability, blinding);
        if (leaf.isInfinity()) {
            throw new Failure("liability and blinding give the point at infinity: not a commitment of this format");
        }
        checked.add("ok: liability " + liability + " (" + Fields.decimal(liability) + ") and your blinding give leaf "
                + "commitment " + Secp256k1.hex(leaf));
        List<ECPoint> ranged = new ArrayList<>(path.size() + 1);
        ranged.add(leaf);
        byte[] hash = CommitmentTree.leaf(accountCommitment, leaf);
        ECPoint commitment = leaf;
        for (int level = 0; level < path.size(); level++) {
            ZkProofFile.Step step = Fields.required(path.get(level), "path[" + level + "]");
            byte[] siblingHash = Fields.hex32(step.hash(), "path[" + level + "].hash");
            ECPoint sibling = Secp256k1.point(step.commitment(), "path[" + level + "].commitment");
            String side = Fields.required(step.side(), "path[" + level + "].side");
            hash = switch (side) {
                case "L" -> CommitmentTree.node(siblingHash, sibling, hash, commitment);
                case "R" -> CommitmentTree.node(hash, commitment, siblingHash, sibling);
                default -> throw new Failure("path[" + level + "].side must be L or R, not '" + side + "'");
            };
            commitment = commitment.add(sibling).normalize();
            if (commitment.isInfinity()) {
                throw new Failure("the commitments at level " + (level + 1) + " add up to the point at infinity");
            }
            ranged.add(sibling);
        }
        checked.add("ok: your leaf and " + path.size() + " sibling commitments lead to root " + hex(hash));
        if (!Arrays.equals(hash, claimedRootHash) || !commitment.equals(claimedRootCommitment)) {
            throw new Failure("the path leads to root " + hex(hash) + " with commitment " + Secp256k1.hex(commitment)
                    + ", not to the root the proof names (" + claimedRoot.hash() + ", " + claimedRoot.commitment() + ")");
        }
        if (!Arrays.equals(hash, trustedRoot)) {
            throw new Failure("the path leads to root " + hex(hash) + ", not to the published root " + hex(trustedRoot));
        }
        RangeVerifier.verify(new RangeStatement(ranged, CommitmentTree.inclusionContext(hash)),
                RangeProof.from(proof.rangeProof(), "rangeProof"));
        checked.add("ok: the range proof shows your leaf and all " + path.size() + " siblings each commit to an amount "
                + "from 0 to 2^64 - 1 units: none is negative, and none is shown");
        checked.add("PASS: the liability of account '" + accountId + "', " + Fields.decimal(liability)
                + ", is included in published root " + hex(hash) + " of epoch " + proof.epoch()
                + ", and nothing negative was added to it on the way (no other balance revealed)");
        return new Verdict(true, checked);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
