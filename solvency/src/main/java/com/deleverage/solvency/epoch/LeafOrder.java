package com.deleverage.solvency.epoch;

import com.deleverage.solvency.tree.SumTreeHash;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The leaves of an epoch in their order, for both steps: every account gets a fresh 32-byte salt and its
 * commitment {@code H(utf8(accountId) ‖ salt)}; the level is padded to a power of two with random commitments;
 * all of them, padding included, are sorted by commitment, so a leaf's place says nothing about the account or
 * about which leaves are padding.
 */
public final class LeafOrder {
    public static final int SALT_BYTES = 32;

    private LeafOrder() {
    }

    /**
     * A leaf before its value is committed to.
     *
     * @param account the account it stands for, null for padding
     * @param salt    null for padding
     */
    public record Entry(byte[] commitment, byte[] salt, AccountLiability account) {
    }

    /**
     * @param random the source of salts and padding commitments (a {@link SecureRandom}: a guessable salt lets
     *               anyone test whether an account id is in the tree)
     */
    public static List<Entry> of(List<AccountLiability> owed, SecureRandom random) {
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
        return entries;
    }

    /** The smallest power of two that holds {@code accounts} leaves (1 for none). */
    public static int widthFor(int accounts) {
        return accounts <= 1 ? 1 : Integer.highestOneBit(accounts - 1) << 1;
    }
}
