package com.deleverage.admin.audit;

/** What an audit row records. Refusals that matter to compliance are recorded too. */
public enum AuditAction {
    /** A version was stored with its files. */
    VERSION_STAGED,
    /** Its validation passed. */
    VERSION_VALIDATED,
    /** Its validation failed; the findings say why. */
    VERSION_REJECTED,
    /** A second person approved it. */
    VERSION_APPROVED,
    /** Someone tried to approve a version they may not approve (their own, or one not validated). */
    APPROVAL_REFUSED,
    /** It became the active version of its rule set. */
    VERSION_ACTIVATED,
    /** An earlier version became active again. */
    VERSION_ROLLED_BACK,
    /** Someone tried to activate a version that is not approved. */
    ACTIVATION_REFUSED,
    /** The database was empty; the reference policy became version 1 and was activated without a second person. */
    REFERENCE_POLICY_SEEDED,
    /** An operator put a validated version in shadow beside the active one (replacing any earlier shadow run). */
    SHADOW_STARTED,
    /**
     * Someone ran a version that is not approved yet (VALIDATED) on a snapshot in a dry run: unreviewed code
     * ran on the platform. Recorded before it runs.
     */
    DRY_RUN,
    /** An operator ended a shadow run. */
    SHADOW_STOPPED,
    /** An author or approver submitted a replay (what it compares, over which files and window, which book). */
    REPLAY_SUBMITTED,
    /** Someone cancelled a replay before it finished. */
    REPLAY_CANCELLED,
    /** A replay finished and its report can be read. */
    REPLAY_COMPLETED,
    /** A replay stopped with an error (the reason says which). */
    REPLAY_FAILED,
    /**
     * An operator published a proof-of-solvency epoch: {@code version} is the epoch number, {@code versionHash}
     * its root hash ({@code sha256:<root>}), and the reason states its root sum, accounts, reserve and claim
     * (docs/solvency.md), so none of them can be changed afterwards without breaking {@code /audit/verify}.
     */
    SOLVENCY_EPOCH_PUBLISHED,
    /**
     * An operator published a margin epoch (docs/solvency.md, section 21 on): {@code version} is the epoch number,
     * {@code versionHash} the digest of its files ({@code sha256:<digest>}), and the reason names the decision its
     * pools link to and its counts, so neither file can be changed afterwards without the digest showing it.
     */
    MARGIN_EPOCH_PUBLISHED
}
