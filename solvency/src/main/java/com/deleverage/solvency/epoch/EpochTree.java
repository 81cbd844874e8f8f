package com.deleverage.solvency.epoch;

import com.deleverage.solvency.tree.Leaf;
import com.deleverage.solvency.tree.MerkleSumTree;

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
 * The tree of one epoch (step 1): the leaves in {@link LeafOrder}, each with its liability in the clear, padding
 * owed 0.
 */
public final class EpochTree {
    private static final HexFormat HEX = HexFormat.of();

    private final MerkleSumTree tree;
    private final Map<String, PlacedAccount> accounts;

    private EpochTree(MerkleSumTree tree, Map<String, PlacedAccount> accounts) {
        this.tree = tree;
        this.accounts = accounts;
    }

    /**
     * @param owed    every account once
     * @param random  the source of salts and padding commitments (a {@link SecureRandom}: a guessable salt
     *                lets anyone test whether an account id is in the tree)
     * @throws com.deleverage.solvency.tree.AmountOverflowException the liabilities do not fit 128 bits
     */
    public static EpochTree build(List<AccountLiability> owed, SecureRandom random) {
        List<LeafOrder.Entry> entries = LeafOrder.of(owed, random);
        int width = entries.size();
        List<Leaf> leaves = new ArrayList<>(width);
        Map<String, PlacedAccount> placed = new HashMap<>(owed.size() * 2);
        for (int i = 0; i < width; i++) {
            LeafOrder.Entry entry = entries.get(i);
            AccountLiability account = entry.account();
            leaves.add(new Leaf(entry.commitment(), account == null ? BigInteger.ZERO : account.liability()));
            if (account != null) {
                placed.put(account.accountId(), new PlacedAccount(account.accountId(), HEX.formatHex(entry.salt()),
                        HEX.formatHex(entry.commitment()), i, account.liability(), account.deficit()));
            }
        }
        return new EpochTree(MerkleSumTree.build(leaves), placed);
    }

    public MerkleSumTree tree() {
        return tree;
    }

    /** Every account with its place, in leaf order. */
    public List<PlacedAccount> accounts() {
        return accounts.values().stream().sorted(Comparator.comparingInt(PlacedAccount::leafIndex)).toList();
    }

    /** The proof of an account of the tree, labelled with the epoch number it is published under. */
    public Optional<InclusionProof> proof(long epoch, String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).map(a -> new InclusionProof(epoch, a.accountId(), a.salt(),
                a.liability(), a.commitment(), tree.path(a.leafIndex()), tree.root()));
    }
}
