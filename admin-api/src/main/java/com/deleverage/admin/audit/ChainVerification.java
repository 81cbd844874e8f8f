package com.deleverage.admin.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The result of recomputing the audit chain and checking what it binds.
 *
 * @param valid           whether nothing is broken
 * @param verifiedRows    audit rows verified before the first broken one (all rows when valid)
 * @param firstBrokenSeq  the sequence number of the first audit row that does not fit, or null
 * @param problem         what is wrong with the first break, or null
 * @param kind            the kind of the first break, or null
 * @param headSeq         the last sequence number the chain's head records
 * @param sealedBatches   decision seals verified
 * @param sealedDecisions decisions whose content matches their seal
 * @param checkpoint      the last checkpoint exported by this node, or null when none was
 * @param breaks          every break found, audit rows first (at most {@link #MAX_BREAKS})
 */
public record ChainVerification(boolean valid, long verifiedRows, @Nullable Long firstBrokenSeq,
                                @Nullable String problem, @Nullable BreakKind kind, long headSeq, long sealedBatches,
                                long sealedDecisions, @Nullable Checkpoint checkpoint, List<ChainBreak> breaks) {
    public static final int MAX_BREAKS = 100;

    public ChainVerification {
        breaks = List.copyOf(breaks);
    }
}
