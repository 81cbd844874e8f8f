package com.deleverage.admin.audit;

/**
 * The result of recomputing the audit chain.
 *
 * @param valid          whether every row fits the chain
 * @param verifiedRows   rows verified before the first broken one (all rows when valid)
 * @param firstBrokenSeq the sequence number of the first row that does not fit, or null
 * @param problem        what is wrong with it, or null
 */
public record ChainVerification(boolean valid, long verifiedRows, Long firstBrokenSeq, String problem) {
}
