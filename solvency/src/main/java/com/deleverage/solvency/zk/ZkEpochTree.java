package com.deleverage.solvency.zk;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.LeafOrder;
import com.deleverage.solvency.epoch.PlacedAccount;
import com.deleverage.solvency.tree.NodePosition;
import com.deleverage.verifier.zk.RangeProof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree of a zero-knowledge epoch (step 2): the leaves in {@link LeafOrder}, each committing to its liability
 * with a fresh uniform blinding (padding to 0, indistinguishable from an account owed 0), and the proofs made
 * from it: an account's path with one aggregated range proof, and the epoch's solvency proof.
 */
public final class ZkEpochTree {
    private static final HexFormat HEX = HexFormat.of();

    private final CommittedTree tree;
    private final Map<String, PlacedAccount> accounts;

    private ZkEpochTree(CommittedTree tree, Map<String, PlacedAccount> accounts) {
        this.tree = tree;
        this.accounts = accounts;
    }

    /** @throws com.deleverage.solvency.tree.AmountOverflowException a liability or their total is not below 2^64 */
    public static ZkEpochTree build(List<AccountLiability> owed, SecureRandom random) {
        List<LeafOrder.Entry> entries = LeafOrder.of(owed, random);
        List<CommittedTree.Leaf> leaves = new ArrayList<>(entries.size());
        Map<String, PlacedAccount> placed = new HashMap<>(owed.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            LeafOrder.Entry entry = entries.get(i);
            AccountLiability account = entry.account();
            leaves.add(new CommittedTree.Leaf(entry.commitment(),
                    Opening.of(account == null ? BigInteger.ZERO : account.liability(), random)));
            if (account != null) {
                placed.put(account.accountId(), new PlacedAccount(account.accountId(), HEX.formatHex(entry.salt()),
                        HEX.formatHex(entry.commitment()), i, account.liability(), account.deficit()));
            }
        }
        return new ZkEpochTree(CommittedTree.build(leaves), placed);
    }

    public CommittedTree tree() {
        return tree;
    }

    /** Every account with its place, in leaf order. */
    public List<PlacedAccount> accounts() {
        return accounts.values().stream().sorted(Comparator.comparingInt(PlacedAccount::leafIndex)).toList();
    }

    /** The zero-knowledge proof of an account (one aggregated range proof: the costly part, made on each call). */
    public Optional<ZkInclusionProof> proof(long epoch, String accountId, RangeProver prover) {
        return Optional.ofNullable(accounts.get(accountId)).map(a -> {
            List<Opening> siblings = NodePosition.siblingsOf(a.leafIndex(), tree.depth()).stream()
                    .map(p -> tree.opening(p.level(), p.index())).toList();
            return ZkProofs.inclusion(epoch, a, tree.opening(0, a.leafIndex()), tree.path(a.leafIndex()), siblings,
                    tree.root(), prover);
        });
    }

    /** The epoch's solvency proof against {@code reserveUnits} (see {@link ZkProofs#solvency}). */
    public RangeProof solvencyProof(BigInteger reserveUnits, RangeProver prover) {
        return ZkProofs.solvency(tree.opening(tree.depth(), 0), tree.root().hash(), reserveUnits, prover);
    }
}
