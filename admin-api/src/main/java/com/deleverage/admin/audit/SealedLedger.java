package com.deleverage.admin.audit;

import java.util.List;

/**
 * A second keyed chain that the audit verification and checkpoints cover besides the audit log: the
 * decision log's seals (implemented in the decision package, which the audit package must not depend on).
 * Every method reads or writes in the caller's transaction.
 */
public interface SealedLedger {
    /** The end of a chain: its last sequence number and hash. */
    record Head(long seq, String hash) {
    }

    /**
     * What a verification found.
     *
     * @param tip     the last seal that verified in an unbroken run from the start (or from where it resumed)
     * @param seals   seals verified
     * @param records records whose content matches their seal (0 when contents were not checked)
     * @param breaks  what is broken
     */
    record Check(Head tip, long seals, long records, List<ChainBreak> breaks) {
    }

    /** The head row as stored. */
    Head head();

    /**
     * Verifies the seals after {@code from} (which must still be stored with its hash) up to the stored head,
     * without reading the records: cheap enough for every checkpoint.
     */
    Check extend(Head from);

    /** The stored hash of seal {@code seq}, if it is stored. */
    java.util.Optional<String> hashAt(long seq);

    /**
     * Seals, in the caller's transaction, records written before the ledger existed, provided no seal exists
     * yet (afterwards an unsealed record is a forgery, not history); returns how many were sealed.
     */
    long sealLegacy();

    /** Verifies every seal, the head, the checkpoint's head (when given) and every record against its seal. */
    Check verifyAll(Head checkpoint);
}
