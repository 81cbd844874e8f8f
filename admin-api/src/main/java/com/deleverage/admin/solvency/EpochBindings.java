package com.deleverage.admin.solvency;

import com.deleverage.admin.audit.BreakKind;
import com.deleverage.admin.audit.ChainBinding;
import com.deleverage.admin.audit.ChainBreak;
import com.deleverage.admin.audit.ChainFacts;
import com.deleverage.solvency.tree.MerkleSumTree;
import com.deleverage.solvency.tree.SumNode;
import com.deleverage.solvency.tree.SumTreeHash;
import com.deleverage.solvency.tree.U128;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /audit/verify} checks of solvency epochs: each stored epoch's root and figures must be what its
 * SOLVENCY_EPOCH_PUBLISHED row recorded, its stored tree must hash, from its leaves up, to that root (so the
 * proofs it serves lead there), each account's leaf must be its salt, id and liability hashed, and every epoch
 * the chain published must still be stored.
 */
@Singleton
class EpochBindings implements ChainBinding {
    private final EpochRepository repository;

    EpochBindings(EpochRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<ChainBreak> check(ChainFacts facts) {
        List<ChainBreak> breaks = new ArrayList<>();
        Map<Long, ChainFacts.PublishedEpoch> published = facts.publishedEpochs();
        Set<Long> stored = new HashSet<>();
        for (StoredEpoch epoch : repository.all()) {
            stored.add(epoch.epoch());
            ChainFacts.PublishedEpoch recorded = published.get(epoch.epoch());
            EpochStatement statement = EpochStatement.of(epoch);
            if (recorded == null) {
                breaks.add(ChainBreak.epoch(BreakKind.EPOCH_UNRECORDED, null, epoch.epoch(), "solvency epoch "
                        + epoch.epoch() + " has no SOLVENCY_EPOCH_PUBLISHED row in the chain: it was inserted outside "
                        + "the platform"));
            } else if (!recorded.rootHash().equals(statement.rootHash()) || !recorded.statement().equals(statement.text())) {
                breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, recorded.seq(), epoch.epoch(), "solvency epoch "
                        + epoch.epoch() + " now reads '" + statement.text() + "' with root " + statement.rootHash()
                        + ", but the chain (row " + recorded.seq() + ") published '" + recorded.statement()
                        + "' with root " + recorded.rootHash() + ": the stored epoch was changed"));
            } else {
                tree(epoch, recorded.seq(), breaks);
            }
        }
        published.values().stream().filter(p -> !stored.contains(p.epoch())).forEach(p -> breaks.add(ChainBreak.epoch(
                BreakKind.EPOCH_MISMATCH, p.seq(), p.epoch(), "the chain (row " + p.seq() + ") published solvency epoch "
                        + p.epoch() + ", which is no longer stored")));
        return breaks;
    }

    /** Rebuilds the epoch's tree from its stored leaves and compares every stored node and account with it. */
    private void tree(StoredEpoch epoch, long seq, List<ChainBreak> breaks) {
        String label = "solvency epoch " + epoch.epoch();
        List<SumNode> leaves = repository.level(epoch.epoch(), 0);
        MerkleSumTree rebuilt;
        try {
            rebuilt = MerkleSumTree.overLeafNodes(leaves);
        } catch (RuntimeException e) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored leaves do not "
                    + "form a tree: " + e.getMessage()));
            return;
        }
        if (rebuilt.depth() != epoch.depth() || !rebuilt.root().equals(epoch.root())) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored leaves hash "
                    + "to root " + rebuilt.root().hash() + " with sum " + rebuilt.root().sum() + ", not to its published "
                    + "root: leaves were changed"));
            return;
        }
        for (int level = 1; level <= rebuilt.depth(); level++) {
            List<SumNode> nodes = repository.level(epoch.epoch(), level);
            for (int i = 0; i < rebuilt.leafCount() >>> level; i++) {
                if (i >= nodes.size() || !nodes.get(i).equals(rebuilt.node(level, i))) {
                    breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored node "
                            + "at level " + level + ", position " + i + " is not the hash of its children: the proofs "
                            + "through it would fail"));
                    return;
                }
            }
        }
        List<EpochRepository.StoredAccount> accounts = repository.accounts(epoch.epoch());
        if (accounts.size() != epoch.accountCount()) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + " published "
                    + epoch.accountCount() + " accounts but " + accounts.size() + " are stored: accounts were deleted "
                    + "or inserted"));
        }
        SumTreeHash hash = new SumTreeHash();
        for (EpochRepository.StoredAccount account : accounts) {
            if (!leafMatches(hash, account, rebuilt)) {
                breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + ": account '"
                        + account.accountId() + "' (its salt, liability or leaf) no longer gives leaf "
                        + account.leafIndex() + " of the tree"));
            }
        }
    }

    private static boolean leafMatches(SumTreeHash hash, EpochRepository.StoredAccount account, MerkleSumTree tree) {
        if (account.leafIndex() < 0 || account.leafIndex() >= tree.leafCount() || !account.salt().matches("[0-9a-f]{64}")
                || account.liability().signum() < 0 || account.liability().compareTo(U128.MAX) > 0) {
            return false;
        }
        HexFormat hex = HexFormat.of();
        SumNode leaf = tree.node(0, account.leafIndex());
        return leaf.sum().equals(account.liability()) && leaf.hash().equals(hex.formatHex(hash.leaf(
                hash.commitment(account.accountId(), hex.parseHex(account.salt())), account.liability())));
    }
}
