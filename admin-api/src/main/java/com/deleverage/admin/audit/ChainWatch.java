package com.deleverage.admin.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * This node's verified view of the chains, kept up to date incrementally: the first {@link #catchUp()}
 * walks the whole audit chain, later ones only the rows added since (after checking that the last row
 * it verified is still stored with the same hash), so that rows deleted or rewritten behind it cannot
 * change what it learned. It answers whether an active version is the one the chain activated
 * ({@link #requireActivation}) and exports a signed checkpoint whenever a verified head moved
 * ({@code deleveraging.audit.checkpoint-interval}, 1 s). Once it has seen a break it stays broken:
 * no checkpoint is exported and no newly recorded active version is loaded until a restart re-verifies.
 */
@Singleton
public class ChainWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ChainWatch.class);

    private final TransactionOperations<Connection> transactions;
    private final AuditRows rows;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final SealedLedger decisions;
    private ChainWalker walker;
    private SealedLedger.Head decisionTip = new SealedLedger.Head(0, AuditHash.GENESIS);
    private List<ChainBreak> breaks = List.of();
    private Checkpoint exported;

    ChainWatch(TransactionOperations<Connection> transactions, AuditRows rows, AuditKeys keys,
               AuditCheckpoints checkpoints, SealedLedger decisions) {
        this.transactions = transactions;
        this.rows = rows;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.decisions = decisions;
    }

    /** Verifies the rows and seals added since the last call; returns every break seen so far (empty: sound). */
    public synchronized List<ChainBreak> catchUp() {
        if (!breaks.isEmpty()) {
            return breaks;
        }
        // the transaction inside this node's lock, as before: a lock waiter holds no connection
        breaks = transactions.executeRead(status -> {
            boolean first = walker == null;
            if (first) {
                walker = new ChainWalker(keys);
            } else if (walker.lastSeq() > 0
                    && !rows.hashAt(walker.lastSeq()).map(walker.lastHash()::equals).orElse(false)) {
                walker.fail(ChainBreak.row(BreakKind.CHECKPOINT_MISMATCH, walker.lastSeq(), "row " + walker.lastSeq()
                        + ", verified earlier by this node, was deleted or changed"));
                return List.copyOf(walker.breaks());
            }
            SealedLedger.Head head = rows.head();
            rows.forEach(walker.lastSeq(), head.seq(), walker::accept);
            walker.head(head.seq(), head.hash());
            SealedLedger.Check sealed = decisions.extend(decisionTip);
            decisionTip = sealed.tip();
            List<ChainBreak> all = new java.util.ArrayList<>(walker.breaks());
            all.addAll(sealed.breaks());
            return List.copyOf(all);
        });
        if (!breaks.isEmpty()) {
            LOG.error("the audit chain is broken ({}); this node exports no checkpoint and loads no newly recorded "
                    + "active version until a restart verifies the chain again", breaks.getFirst().detail());
        }
        return breaks;
    }

    /** The facts of the verified chain (call {@link #catchUp()} first). */
    public synchronized ChainFacts facts() {
        return walker == null ? new ChainFacts() : walker.facts();
    }

    /**
     * Throws unless the chain is sound and its latest activation of {@code ruleSet} is {@code version} with
     * {@code hash}: the platform must not serve a version whose activation is not in the chain.
     */
    public void requireActivation(String ruleSet, int version, String hash) {
        List<ChainBreak> problems = catchUp();
        if (!problems.isEmpty()) {
            throw new AuditChainException("the audit chain is broken: " + problems.getFirst().detail());
        }
        Optional<ChainFacts.Activation> recorded = facts().active(ruleSet);
        if (recorded.isEmpty() || recorded.get().version() != version || !recorded.get().hash().equals(hash)) {
            throw new AuditChainException("the database records " + ruleSet + " v" + version + " (" + hash
                    + ") as active, but its latest activation in the audit chain is "
                    + recorded.map(a -> "v" + a.version() + " (" + a.hash() + ", row " + a.seq() + ")").orElse("none")
                    + ": the active version was changed outside the platform");
        }
    }

    /** Exports a checkpoint of the verified heads if they moved since the last one; never of a broken chain. */
    @Scheduled(fixedDelay = "${deleveraging.audit.checkpoint-interval}",
            initialDelay = "${deleveraging.audit.checkpoint-interval}")
    public synchronized Optional<Checkpoint> exportCheckpoint() {
        try {
            if (!catchUp().isEmpty()) {
                return Optional.empty();
            }
            SealedLedger.Head audit = new SealedLedger.Head(walker.lastSeq(), walker.lastHash());
            boolean empty = audit.seq() == 0 && decisionTip.seq() == 0;
            if (empty || exported != null && exported.seq() == audit.seq() && exported.decisionSeq() == decisionTip.seq()) {
                return Optional.empty();
            }
            exported = checkpoints.export(audit, decisionTip);
            return Optional.of(exported);
        } catch (RuntimeException e) {
            LOG.error("could not export an audit checkpoint", e);
            return Optional.empty();
        }
    }

    /** Compares the verified chain with a checkpoint; {@code hashAt} is the stored hash of its row. A break sticks. */
    synchronized List<ChainBreak> compare(Checkpoint checkpoint, String hashAt) {
        int before = walker.breaks().size();
        walker.checkpoint(checkpoint, hashAt);
        List<ChainBreak> found = List.copyOf(walker.breaks().subList(before, walker.breaks().size()));
        if (!found.isEmpty()) {
            breaks = List.copyOf(walker.breaks());
        }
        return found;
    }

    synchronized long verifiedRows() {
        return walker == null ? 0 : walker.verifiedRows();
    }

    /** Remembers the checkpoint already in the file, so an unchanged head is not exported again after a restart. */
    synchronized void exported(Checkpoint last) {
        this.exported = last;
    }
}
