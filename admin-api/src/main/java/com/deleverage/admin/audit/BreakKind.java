package com.deleverage.admin.audit;

/** What kind of tampering a {@link ChainBreak} shows. */
public enum BreakKind {
    /** A row's hash is not the HMAC of its content under its key: it was edited, renumbered or forged. */
    ROW_ALTERED,
    /** A row names a key this node does not hold (or none): it cannot be verified, so it is not trusted. */
    UNKNOWN_KEY,
    /** A sequence number is missing before this row: rows were deleted. */
    ROW_DELETED,
    /** A row does not link to the hash of the row before it: that row was replaced. */
    ROW_UNLINKED,
    /** The chain ends before its head or before the last exported checkpoint: rows at its end were deleted. */
    TRUNCATED,
    /** The head row disagrees with the last row of the chain. */
    HEAD_MISMATCH,
    /** The row at the last exported checkpoint's position no longer has the checkpoint's hash: history was rewritten. */
    CHECKPOINT_MISMATCH,
    /** A line of the checkpoint file does not carry a valid HMAC: the file was edited. */
    CHECKPOINT_FORGED,
    /** A version's stored files do not hash to its content hash, or that hash is not the one the chain staged. */
    VERSION_CONTENT,
    /** A version (or its validated state) has no entry in the chain. */
    VERSION_UNRECORDED,
    /** An approval (its approver, or its very existence) differs from the chain's. */
    APPROVAL_MISMATCH,
    /** A rule set's active version is not the one its latest activation in the chain made active. */
    ACTIVE_VERSION_MISMATCH,
    /** The decisions of a sealed batch no longer hash to the seal's digest: edited, deleted or moved. */
    DECISION_ALTERED,
    /** A decision belongs to no seal: it was inserted or re-pointed by someone without the key. */
    DECISION_UNSEALED,
    /**
     * A solvency epoch's root, sums, reserve or claim differ from what the chain recorded when it was published,
     * its stored tree no longer hashes to that root, or a published epoch is no longer stored; a margin epoch's stored
     * files no longer give the digest its MARGIN_EPOCH_PUBLISHED row recorded.
     */
    EPOCH_MISMATCH,
    /** A solvency (margin) epoch has no SOLVENCY_ (MARGIN_) EPOCH_PUBLISHED row: it was inserted outside the platform. */
    EPOCH_UNRECORDED
}
