package com.deleverage.solvency.epoch;

import com.deleverage.solvency.tree.Leaf;
import com.deleverage.solvency.tree.MerkleSumTree;
import com.deleverage.solvency.tree.SumTreeHash;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree of one epoch: every account gets a fresh 32-byte salt and its commitment; the level is padded to a
 * power of two with leaves of liability 0 and random commitments; all leaves, padding included, are sorted by
 * commitment, so a leaf's place says nothing about the account or about which leaves are padding.
 */
public final class EpochTree {
    public static final int SALT_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final MerkleSumTree tree;
    private final Map<String, PlacedAccount> accounts;

    private EpochTree(MerkleSumTree tree, Map<String, PlacedAccount> accounts) {
        this.tree = tree;
        this.accounts = accounts;
    }

    /** An entry before it has its place: a commitment, and the account it stands for (null for padding). */
    private record Entry(byte[] commitment, byte[] salt, AccountLiability account) {
    }

    /**
     * @param owed    every account once
     * @param random  the source of salts and padding commitments (a {@link SecureRandom}: a guessable salt
     *                lets anyone test whether an account id is in the tree)
     * @throws com.deleverage.solvency.tree.AmountOverflowException the liabilities do not fit 128 bits
     */
    public static EpochTree build(List<AccountLiability> owed, SecureRandom random) {
        int width = widthFor(owed.size());
        SumTreeHash hash = new SumTreeHash();
        List<Entry> entries = new ArrayList<>(width);
        for (AccountLiability account : owed) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            entries.add(new Entry(hash.commitment(account.accountId(), salt), salt, account));
        }
        while (entries.size() < width) {
            byte[] commitment = new byte[SumTreeHash.HASH_BYTES];
            random.nextBytes(commitment);
            entries.add(new Entry(commitment, null, null));
        }
        entries.sort(Comparator.comparing(Entry::commitment, Arrays::compareUnsigned));
        List<Leaf> leaves = new ArrayList<>(width);
        Map<String, PlacedAccount> placed = new HashMap<>(owed.size() * 2);
        for (int i = 0; i < width; i++) {
            Entry entry = entries.get(i);
            AccountLiability account = entry.account();
            leaves.add(new Leaf(entry.commitment(), account == null ? BigInteger.ZERO : account.liability()));
            if (account != null) {
                placed.put(account.accountId(), new PlacedAccount(account.accountId(), HEX.formatHex(entry.salt()),
                        HEX.formatHex(entry.commitment()), i, account.liability(), account.deficit()));
            }
        }
        return new EpochTree(MerkleSumTree.build(leaves), placed);
    }

    /** The smallest power of two that holds {@code accounts} leaves (1 for none). */
    public static int widthFor(int accounts) {
        return accounts <= 1 ? 1 : Integer.highestOneBit(accounts - 1) << 1;
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
