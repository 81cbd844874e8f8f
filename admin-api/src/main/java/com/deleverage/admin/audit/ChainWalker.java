package com.deleverage.admin.audit;

import javax.crypto.Mac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks audit rows in order and judges each on its own: its hash must be the HMAC of its content under
 * the key it names (else it was edited, renumbered or forged by someone without the key), its sequence
 * number must follow the previous row's (else rows were deleted) and its {@code prev_hash} must be the
 * previous row's hash (else that row was replaced). Rows that verify feed {@link ChainFacts}; the walk
 * goes on past a broken row so every broken row is named. A walker can be resumed with newer rows
 * ({@link ChainWatch} does so on every poll).
 */
final class ChainWalker {
    private final AuditKeys keys;
    private final ChainFacts facts = new ChainFacts();
    private final List<ChainBreak> breaks = new ArrayList<>();
    private long expectedSeq = 1;
    private String expectedPrevHash = AuditHash.GENESIS;
    private long verifiedRows;
    private boolean broken;

    ChainWalker(AuditKeys keys) {
        this.keys = keys;
    }

    void accept(AuditEntry entry) {
        ChainBreak problem = judge(entry);
        if (problem == null) {
            facts.learn(entry);
            if (!broken) {
                verifiedRows++;
            }
        } else {
            broken = true;
            breaks.add(problem);
        }
        expectedSeq = entry.seq() + 1;
        expectedPrevHash = entry.hash();
    }

    private ChainBreak judge(AuditEntry e) {
        long seq = e.seq();
        Optional<Mac> mac = keys.mac(e.keyId());
        if (mac.isEmpty()) {
            return ChainBreak.row(BreakKind.UNKNOWN_KEY, seq, "row " + seq + (e.keyId() == null ? " names no audit key"
                    : " names audit key '" + e.keyId() + "', which this node does not hold")
                    + ": it cannot be verified (an unkeyed or forged row, or a retired key missing from the configuration)");
        }
        String expected = AuditHash.keyed(mac.get(), e.keyId(), e.prevHash(), seq, e.occurredAt(), e.actor(),
                e.action(), e.ruleSet(), e.version(), e.versionHash(), e.reason());
        if (!expected.equals(e.hash())) {
            return ChainBreak.row(BreakKind.ROW_ALTERED, seq, "row " + seq + " does not match its hash: its content "
                    + "or number was changed, or the row was written without the audit key");
        }
        if (seq != expectedSeq) {
            return ChainBreak.row(BreakKind.ROW_DELETED, seq, "row " + seq + " follows row " + (expectedSeq - 1)
                    + ": rows between them were deleted");
        }
        if (!e.prevHash().equals(expectedPrevHash)) {
            return ChainBreak.row(BreakKind.ROW_UNLINKED, seq, "row " + seq + " does not link to the hash of the "
                    + "row before it: that row was changed or replaced");
        }
        return null;
    }

    /** Compares the end of the walk with the chain's head row. */
    void head(long headSeq, String headHash) {
        long last = expectedSeq - 1;
        if (headSeq > last) {
            fail(ChainBreak.row(BreakKind.TRUNCATED, last + 1, "the chain ends at row " + last
                    + " but its head records row " + headSeq + ": rows from " + (last + 1) + " on were deleted"));
        } else if (headSeq < last || !headHash.equals(expectedPrevHash)) {
            fail(ChainBreak.row(BreakKind.HEAD_MISMATCH, headSeq, "the chain's head records row " + headSeq
                    + " with another hash than the chain's last row " + last + ": the head was changed"));
        }
    }

    /** Compares the walk with the last exported checkpoint; {@code hashAt} is the stored hash of its row, if any. */
    void checkpoint(Checkpoint checkpoint, String hashAt) {
        long last = expectedSeq - 1;
        if (checkpoint.seq() > last) {
            fail(ChainBreak.row(BreakKind.TRUNCATED, last + 1, "the checkpoint exported at " + checkpoint.at()
                    + " records row " + checkpoint.seq() + " but the chain ends at row " + last + ": rows from "
                    + (last + 1) + " on were deleted"));
        } else if (checkpoint.seq() > 0 && !checkpoint.hash().equals(hashAt)) {
            fail(ChainBreak.row(BreakKind.CHECKPOINT_MISMATCH, checkpoint.seq(), "row " + checkpoint.seq()
                    + " does not have the hash the checkpoint exported at " + checkpoint.at()
                    + " records: the chain up to it was rewritten"));
        }
    }

    void fail(ChainBreak problem) {
        broken = true;
        breaks.add(problem);
    }

    long lastSeq() {
        return expectedSeq - 1;
    }

    String lastHash() {
        return expectedPrevHash;
    }

    long verifiedRows() {
        return verifiedRows;
    }

    ChainFacts facts() {
        return facts;
    }

    List<ChainBreak> breaks() {
        return breaks;
    }
}
