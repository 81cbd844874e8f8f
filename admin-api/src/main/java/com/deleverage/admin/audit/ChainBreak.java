package com.deleverage.admin.audit;

import io.micronaut.core.annotation.Nullable;

/**
 * One thing the verification found wrong.
 *
 * @param kind       what kind of tampering it shows
 * @param chain      {@code audit} (audit_log rows and their checkpoint), {@code decisions} (decision seals and
 *                   the decisions they cover), {@code versions} (rule sets, versions, approvals against the chain),
 *                   {@code solvency} or {@code margin} (published epochs against their audit rows)
 * @param seq        the audit row or decision seal concerned, or null
 * @param ruleSet    the rule set concerned, or null
 * @param version    the version concerned, or null
 * @param decisionId the decision concerned, or null
 * @param epoch      the solvency or margin epoch concerned, or null
 * @param detail     what is wrong, for a person
 */
public record ChainBreak(BreakKind kind, String chain, @Nullable Long seq, @Nullable String ruleSet,
                         @Nullable Integer version, @Nullable String decisionId, @Nullable Long epoch, String detail) {
    static ChainBreak row(BreakKind kind, long seq, String detail) {
        return new ChainBreak(kind, "audit", seq, null, null, null, null, detail);
    }

    static ChainBreak version(BreakKind kind, String ruleSet, Integer version, String detail) {
        return new ChainBreak(kind, "versions", null, ruleSet, version, null, null, detail);
    }

    public static ChainBreak decisions(BreakKind kind, Long seal, String decisionId, String detail) {
        return new ChainBreak(kind, "decisions", seal, null, null, decisionId, null, detail);
    }

    /** A break of the {@code solvency} chain: a published epoch against its audit row. */
    public static ChainBreak epoch(BreakKind kind, Long seq, long epoch, String detail) {
        return new ChainBreak(kind, "solvency", seq, null, null, null, epoch, detail);
    }

    /** A break of the {@code margin} chain: a published margin epoch's files against its audit row. */
    public static ChainBreak marginEpoch(BreakKind kind, Long seq, long epoch, String detail) {
        return new ChainBreak(kind, "margin", seq, null, null, null, epoch, detail);
    }
}
