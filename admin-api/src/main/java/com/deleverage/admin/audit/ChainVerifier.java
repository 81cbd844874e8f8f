package com.deleverage.admin.audit;

/**
 * Walks the audit rows in order and stops at the first one that breaks the chain: a gap in the
 * sequence (a deleted row), a {@code prev_hash} that is not the previous row's hash (a deleted or
 * re-hashed row before it), or a hash that does not match the row's content (an edited row). A chain
 * that ends before the head says it should was cut at its end.
 */
final class ChainVerifier {
    private long expectedSeq = 1;
    private String expectedPrevHash = AuditHash.GENESIS;
    private long rows;
    private ChainVerification broken;

    /** Checks the next row; false once the chain is broken. */
    boolean accept(AuditEntry entry) {
        if (entry.seq() != expectedSeq) {
            return fail(entry.seq(), "row " + entry.seq() + " follows row " + (expectedSeq - 1)
                    + ": rows between them were deleted");
        }
        if (!entry.prevHash().equals(expectedPrevHash)) {
            return fail(entry.seq(), "row " + entry.seq() + " does not link to the hash of the row before it: "
                    + "that row was changed or replaced");
        }
        if (!AuditHash.of(entry).equals(entry.hash())) {
            return fail(entry.seq(), "row " + entry.seq() + " does not match its hash: its content was changed");
        }
        rows++;
        expectedSeq = entry.seq() + 1;
        expectedPrevHash = entry.hash();
        return true;
    }

    ChainVerification result(long headSeq, String headHash) {
        if (broken != null) {
            return broken;
        }
        if (headSeq != rows || !headHash.equals(expectedPrevHash)) {
            long firstMissing = rows + 1;
            return new ChainVerification(false, rows, firstMissing, "the chain ends at row " + rows
                    + " but its head records row " + headSeq + ": rows from " + firstMissing + " on were deleted");
        }
        return new ChainVerification(true, rows, null, null);
    }

    private boolean fail(long seq, String problem) {
        broken = new ChainVerification(false, rows, seq, problem);
        return false;
    }
}
