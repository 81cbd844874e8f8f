package com.deleverage.admin.audit;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs at start-up before anything is compiled: upgrades an unkeyed chain once, verifies the whole audit
 * chain and the decision seals' chain, compares both with the last exported checkpoint, and checks every
 * active version (pointer, stored files recomputed to their hash, the hash the chain staged, its approval)
 * against the chain. Any break stops the start: a platform must not serve a version whose activation the
 * chain does not record.
 */
@Singleton
public class AuditStartupCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AuditStartupCheck.class);

    private final TransactionOperations<Connection> transactions;
    private final AuditRows rows;
    private final VersionBindings versions;
    private final AuditChainAdoption adoption;
    private final ChainWatch watch;
    private final AuditCheckpoints checkpoints;
    private final SealedLedger decisions;

    AuditStartupCheck(TransactionOperations<Connection> transactions, AuditRows rows, VersionBindings versions,
                      AuditChainAdoption adoption, ChainWatch watch, AuditCheckpoints checkpoints,
                      SealedLedger decisions) {
        this.transactions = transactions;
        this.rows = rows;
        this.versions = versions;
        this.adoption = adoption;
        this.watch = watch;
        this.checkpoints = checkpoints;
        this.decisions = decisions;
    }

    /** @throws AuditChainException naming what is broken */
    public void check() {
        adoption.adoptLegacyRows();
        List<ChainBreak> breaks = new ArrayList<>(watch.catchUp());
        AuditCheckpoints.Reading reading = checkpoints.read();
        for (int line : reading.forgedLines()) {
            breaks.add(new ChainBreak(BreakKind.CHECKPOINT_FORGED, "audit", null, null, null, null, null, "line " + line
                    + " of " + checkpoints.file() + " is not signed with an audit key: the file was edited"));
        }
        Checkpoint last = reading.last();
        breaks.addAll(transactions.executeRead(status -> {
            List<ChainBreak> found = new ArrayList<>();
            if (last != null) {
                found.addAll(watch.compare(last, rows.hashAt(last.seq()).orElse(null)));
                if (last.decisionSeq() > decisions.head().seq()) {
                    found.add(ChainBreak.decisions(BreakKind.TRUNCATED, last.decisionSeq(), null, "the checkpoint "
                            + "exported at " + last.at() + " records decision seal " + last.decisionSeq()
                            + " but the seals end at " + decisions.head().seq() + ": seals were deleted"));
                } else if (last.decisionSeq() > 0 && !decisions.hashAt(last.decisionSeq())
                        .map(last.decisionHash()::equals).orElse(false)) {
                    found.add(ChainBreak.decisions(BreakKind.CHECKPOINT_MISMATCH, last.decisionSeq(), null,
                            "decision seal " + last.decisionSeq() + " does not have the hash the checkpoint records"));
                }
            }
            found.addAll(versions.active(watch.facts()));
            return found;
        }));
        if (!breaks.isEmpty()) {
            throw new AuditChainException("refusing to start: the audit chain does not back the database ("
                    + breaks.size() + " problem(s)): " + breaks.stream().limit(5)
                    .map(b -> b.kind() + ": " + b.detail()).collect(Collectors.joining("; "))
                    + ". Nothing was compiled or served. Investigate with the audit key holder (docs/operations.md, "
                    + "'Audit trail'), restore the database from a backup that verifies.");
        }
        watch.exported(last);
        watch.exportCheckpoint();
        LOG.info("audit chain verified at start-up: {} rows, active versions bound to their activations{}",
                watch.verifiedRows(),
                last == null ? "; no earlier checkpoint" : ", last checkpoint of " + last.at() + " reached");
    }
}
