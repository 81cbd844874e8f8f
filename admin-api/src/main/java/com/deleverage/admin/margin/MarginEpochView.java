package com.deleverage.admin.margin;

import java.time.Instant;

/**
 * A published margin epoch (docs/api.md, "Margin epochs"): what it is about and its digest; its two files are served
 * beside it, byte for byte, for {@code verify-margin}.
 *
 * @param digest       SHA-256 of its files, also in the audit chain's {@code MARGIN_EPOCH_PUBLISHED} row
 * @param decisionId   the logged decision of the active version on the snapshot, which linked pools name
 * @param pools        margin pools: cross accounts with positions and isolated positions
 * @param linked       pools the decision acted on (shown at or above the liquidation ratio)
 */
public record MarginEpochView(long epoch, String digest, Instant asOf, String ruleSet, int version, String decisionId,
                              int accountCount, int pools, int linked, String publishedBy, Instant publishedAt) {
}
