package com.deleverage.admin.solvency;

import com.deleverage.admin.audit.BreakKind;
import com.deleverage.admin.audit.ChainBinding;
import com.deleverage.admin.audit.ChainBreak;
import com.deleverage.admin.audit.ChainFacts;
import com.deleverage.solvency.tree.MerkleSumTree;
import com.deleverage.solvency.tree.SumNode;
import com.deleverage.solvency.tree.SumTreeHash;
import com.deleverage.solvency.tree.U128;
import com.deleverage.solvency.zk.CommittedNode;
import com.deleverage.solvency.zk.CommittedTree;
import com.deleverage.verifier.zk.CommitmentTree;
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
 * the chain published must still be stored. A zero-knowledge epoch's tree is rebuilt from its leaves' stored
 * openings the same way.
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
            } else if (epoch.zeroKnowledge()) {
                committedTree(epoch, recorded.seq(), breaks);
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
        List<EpochRepository.StoredAccount> accounts = storedAccounts(epoch, seq, label, breaks);
        SumTreeHash hash = new SumTreeHash();
        for (EpochRepository.StoredAccount account : accounts) {
            if (!leafMatches(hash, account, rebuilt)) {
                breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + ": account '"
                        + account.accountId() + "' (its salt, liability or leaf) no longer gives leaf "
                        + account.leafIndex() + " of the tree"));
            }
        }
    }

    /**
     * A zero-knowledge epoch: every stored leaf's commitment must open to its stored value and blinding, the tree
     * rebuilt from the leaves must give every stored node and the published root (hash, commitment and total),
     * and each account's leaf must be its id, salt and liability.
     */
    private void committedTree(StoredEpoch epoch, long seq, List<ChainBreak> breaks) {
        String label = "solvency epoch " + epoch.epoch();
        List<EpochRepository.StoredCommittedNode> leaves = repository.committedLevel(epoch.epoch(), 0);
        CommittedTree rebuilt;
        try {
            HexFormat hex = HexFormat.of();
            rebuilt = CommittedTree.overLeafHashes(leaves.stream().map(l -> hex.parseHex(l.hash())).toList(),
                    leaves.stream().map(EpochRepository.StoredCommittedNode::opening).toList());
        } catch (RuntimeException e) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored leaves do not "
                    + "form a tree: " + e.getMessage()));
            return;
        }
        CommittedNode root = rebuilt.root();
        if (rebuilt.depth() != epoch.depth() || !root.hash().equals(epoch.root().hash())
                || !root.commitment().equals(epoch.rootCommitment())
                || !rebuilt.opening(rebuilt.depth(), 0).value().equals(epoch.root().sum())) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored leaves give "
                    + "root " + root.hash() + " with commitment " + root.commitment() + ", not its published root: "
                    + "leaves or their openings were changed"));
            return;
        }
        for (int level = 0; level <= rebuilt.depth(); level++) {
            List<EpochRepository.StoredCommittedNode> nodes = repository.committedLevel(epoch.epoch(), level);
            for (int i = 0; i < rebuilt.leafCount() >>> level; i++) {
                CommittedNode expected = rebuilt.node(level, i);
                if (i >= nodes.size() || !nodes.get(i).hash().equals(expected.hash())
                        || !nodes.get(i).commitment().equals(expected.commitment())
                        || !nodes.get(i).opening().equals(rebuilt.opening(level, i))) {
                    breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + "'s stored node "
                            + "at level " + level + ", position " + i + " is not what its children (or its opening) "
                            + "give: the proofs through it would fail"));
                    return;
                }
            }
        }
        List<EpochRepository.StoredAccount> accounts = storedAccounts(epoch, seq, label, breaks);
        SumTreeHash hash = new SumTreeHash();
        HexFormat hex = HexFormat.of();
        for (EpochRepository.StoredAccount account : accounts) {
            int index = account.leafIndex();
            boolean matches = index >= 0 && index < rebuilt.leafCount() && account.salt().matches("[0-9a-f]{64}")
                    && rebuilt.opening(0, index).value().equals(account.liability())
                    && rebuilt.node(0, index).hash().equals(hex.formatHex(CommitmentTree.leaf(
                    hash.commitment(account.accountId(), hex.parseHex(account.salt())),
                    rebuilt.opening(0, index).commitment())));
            if (!matches) {
                breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + ": account '"
                        + account.accountId() + "' (its salt, liability or leaf) no longer gives leaf " + index
                        + " of the tree"));
            }
        }
    }

    /** The epoch's stored accounts; a break when there are not as many as it published. */
    private List<EpochRepository.StoredAccount> storedAccounts(StoredEpoch epoch, long seq, String label,
                                                               List<ChainBreak> breaks) {
        List<EpochRepository.StoredAccount> accounts = repository.accounts(epoch.epoch());
        if (accounts.size() != epoch.accountCount()) {
            breaks.add(ChainBreak.epoch(BreakKind.EPOCH_MISMATCH, seq, epoch.epoch(), label + " published "
                    + epoch.accountCount() + " accounts but " + accounts.size() + " are stored: accounts were deleted "
                    + "or inserted"));
        }
        return accounts;
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
