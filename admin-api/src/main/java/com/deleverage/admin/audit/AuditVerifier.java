package com.deleverage.admin.audit;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The full verification behind {@code GET /audit/verify}: recomputes every audit row's HMAC, compares the
 * end of the chain with its head and with the last exported checkpoint, does the same for the decision
 * seals and recomputes every sealed decision batch, and checks rule sets, versions, files and approvals
 * against the chain ({@link VersionBindings}), then asks every {@link ChainBinding} of other features (solvency
 * epochs) to do the same with what they store. Reads everything in one read-only transaction, which every
 * reader it calls joins.
 */
@Singleton
public class AuditVerifier {
    private final AuditRows rows;
    private final VersionBindings versions;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final SealedLedger decisions;
    private final List<ChainBinding> bindings;

    AuditVerifier(AuditRows rows, VersionBindings versions, AuditKeys keys, AuditCheckpoints checkpoints,
                  SealedLedger decisions, List<ChainBinding> bindings) {
        this.rows = rows;
        this.versions = versions;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.decisions = decisions;
        this.bindings = List.copyOf(bindings);
    }

    @ReadOnly
    public ChainVerification verify() {
        AuditCheckpoints.Reading reading = checkpoints.read();
        ChainWalker walker = new ChainWalker(keys);
        SealedLedger.Head head = rows.head();
        rows.forEach(0, Long.MAX_VALUE, walker::accept);
        walker.head(head.seq(), head.hash());
        Checkpoint last = reading.last();
        for (int line : reading.forgedLines()) {
            walker.fail(new ChainBreak(BreakKind.CHECKPOINT_FORGED, "audit", null, null, null, null, null, "line " + line
                    + " of " + checkpoints.file() + " is not signed with an audit key: the file was edited"));
        }
        if (last != null) {
            walker.checkpoint(last, rows.hashAt(last.seq()).orElse(null));
        }
        SealedLedger.Check sealed = decisions.verifyAll(
                last == null ? null : new SealedLedger.Head(last.decisionSeq(), last.decisionHash()));
        List<ChainBreak> breaks = new ArrayList<>(walker.breaks());
        breaks.addAll(sealed.breaks());
        breaks.addAll(versions.all(walker.facts()));
        for (ChainBinding binding : bindings) {
            breaks.addAll(binding.check(walker.facts()));
        }
        return result(walker.verifiedRows(), head.seq(), sealed, last, breaks);
    }

    static ChainVerification result(long verifiedRows, long headSeq, SealedLedger.Check sealed, Checkpoint checkpoint,
                                    List<ChainBreak> breaks) {
        ChainBreak first = breaks.isEmpty() ? null : breaks.getFirst();
        Long firstBrokenSeq = breaks.stream().filter(b -> "audit".equals(b.chain()) && b.seq() != null)
                .map(ChainBreak::seq).findFirst().orElse(null);
        List<ChainBreak> shown = breaks.size() > ChainVerification.MAX_BREAKS
                ? breaks.subList(0, ChainVerification.MAX_BREAKS) : breaks;
        return new ChainVerification(breaks.isEmpty(), verifiedRows, firstBrokenSeq,
                first == null ? null : first.detail(), first == null ? null : first.kind(), headSeq,
                sealed.seals(), sealed.records(), checkpoint, shown);
    }
}
