package com.deleverage.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks that an inclusion proof leads from the account holder's own leaf to a root they trust: the account
 * id and salt give the commitment, the commitment and liability give the leaf, each sibling gives the next
 * node up, and the last node must be that root, hash and sum.
 */
public final class InclusionCheck {
    private InclusionCheck() {
    }

    /** The proof against a root hash published elsewhere (64 lower-case hex digits). */
    public static Verdict againstRoot(String proofJson, String rootHash) {
        List<String> checked = new ArrayList<>();
        try {
            byte[] trusted = Fields.hex32(rootHash, "the root given with --root");
            return verify(StrictJson.read(proofJson, ProofFile.class, "the proof file"), trusted, checked);
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        }
    }

    /**
     * The proof against a published epoch: the root, the epoch number and the tree's height (the smallest power
     * of two that holds the epoch's accounts) must all agree.
     */
    public static Verdict againstEpoch(String proofJson, String epochJson) {
        List<String> checked = new ArrayList<>();
        try {
            EpochFile epoch = StrictJson.read(epochJson, EpochFile.class, "the epoch file");
            ProofFile proof = StrictJson.read(proofJson, ProofFile.class, "the proof file");
            long number = Fields.required(epoch.epoch(), "the epoch file's epoch");
            ProofFile.Node root = Fields.required(epoch.root(), "the epoch file's root");
            byte[] trusted = Fields.hex32(root.hash(), "the epoch file's root.hash");
            BigInteger trustedSum = Fields.amount(root.sum(), "the epoch file's root.sum");
            if (!Fields.required(proof.epoch(), "epoch").equals(number)) {
                throw new Failure("the proof is for epoch " + proof.epoch() + ", the epoch file is epoch " + number);
            }
            long accounts = Fields.required(epoch.accountCount(), "the epoch file's accountCount");
            int levels = Fields.required(proof.path(), "path").size();
            if (accounts < 1) {
                throw new Failure("the epoch file's accountCount must be at least 1, not " + accounts);
            }
            int depth = Long.numberOfTrailingZeros(widthFor(accounts));
            if (levels != depth) {
                throw new Failure("a tree of " + accounts + " accounts has " + depth + " levels above its leaves, but "
                        + "the proof's path has " + levels + " siblings");
            }
            Verdict verdict = verify(proof, trusted, checked);
            if (verdict.passed() && !Fields.amount(proof.root().sum(), "root.sum").equals(trustedSum)) {
                return Verdict.fail(checked, "the proof's root sum is not the epoch's");
            }
            return verdict;
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        }
    }

    static long widthFor(long accounts) {
        return accounts <= 1 ? 1 : Long.highestOneBit(accounts - 1) << 1;
    }

    private static Verdict verify(ProofFile proof, byte[] trustedRoot, List<String> checked) throws Failure {
        Fields.required(proof.epoch(), "epoch");
        String accountId = Fields.required(proof.accountId(), "accountId");
        byte[] salt = Fields.hex32(proof.salt(), "salt");
        BigInteger liability = Fields.amount(proof.liability(), "liability");
        byte[] commitment = Fields.hex32(proof.accountCommitment(), "accountCommitment");
        List<ProofFile.Step> path = Fields.required(proof.path(), "path");
        ProofFile.Node claimedRoot = Fields.required(proof.root(), "root");
        byte[] claimedRootHash = Fields.hex32(claimedRoot.hash(), "root.hash");
        BigInteger claimedRootSum = Fields.amount(claimedRoot.sum(), "root.sum");

        if (!Arrays.equals(Sha256Tree.commitment(accountId, salt), commitment)) {
            throw new Failure("account id '" + accountId + "' and this salt do not give the accountCommitment of the proof");
        }
        checked.add("ok: account id '" + accountId + "' and its salt give commitment " + hex(commitment));
        byte[] hash = Sha256Tree.leaf(commitment, liability);
        BigInteger sum = liability;
        for (int level = 0; level < path.size(); level++) {
            ProofFile.Step step = Fields.required(path.get(level), "path[" + level + "]");
            byte[] siblingHash = Fields.hex32(step.hash(), "path[" + level + "].hash");
            BigInteger siblingSum = Fields.amount(step.sum(), "path[" + level + "].sum");
            String side = Fields.required(step.side(), "path[" + level + "].side");
            BigInteger parentSum = sum.add(siblingSum);
            if (parentSum.compareTo(Fields.U128_MAX) > 0) {
                throw new Failure("the sum at level " + (level + 1) + " exceeds 2^128 - 1: no honest tree has it");
            }
            hash = switch (side) {
                case "L" -> Sha256Tree.node(siblingHash, siblingSum, hash, sum);
                case "R" -> Sha256Tree.node(hash, sum, siblingHash, siblingSum);
                default -> throw new Failure("path[" + level + "].side must be L or R, not '" + side + "'");
            };
            sum = parentSum;
        }
        checked.add("ok: liability " + liability + " (" + Fields.decimal(liability) + ") and " + path.size()
                + " siblings lead to root " + hex(hash) + " with sum " + sum + " (" + Fields.decimal(sum) + ")");
        if (!Arrays.equals(hash, claimedRootHash) || !sum.equals(claimedRootSum)) {
            throw new Failure("the path leads to root " + hex(hash) + " with sum " + sum + ", not to the root the "
                    + "proof names (" + claimedRoot.hash() + ", " + claimedRoot.sum() + ")");
        }
        if (!Arrays.equals(hash, trustedRoot)) {
            throw new Failure("the path leads to root " + hex(hash) + ", not to the published root " + hex(trustedRoot));
        }
        checked.add("PASS: the liability of account '" + accountId + "', " + Fields.decimal(liability)
                + ", is included in published root " + hex(hash) + " of epoch " + proof.epoch() + " (total "
                + Fields.decimal(sum) + ")");
        return new Verdict(true, checked);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
