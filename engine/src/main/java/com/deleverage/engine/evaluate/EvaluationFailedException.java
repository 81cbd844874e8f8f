package com.deleverage.engine.evaluate;

/** An evaluation that produced no decision, with the reason a caller can act on. */
public final class EvaluationFailedException extends RuntimeException {

    /** Why the evaluation failed. */
    public enum Reason {
        /** The policy fired more rules than {@link EvaluationLimits#maxRuleFirings()}; it probably loops. */
        RULE_FIRING_LIMIT,
        /** Firing took longer than {@link EvaluationLimits#timeout()}. */
        TIME_LIMIT,
        /**
         * Policy code passed a sandbox limit: too many loop iterations in one firing, too many facts, a text
         * or decimal too large, or the deadline passed inside a rule's code.
         */
        EVALUATION_LIMIT,
        /** A rule's action threw an exception. */
        RULE_ERROR,
        /**
         * The decision settles the deficits of the positions it takes over with more or less than they amount to
         * ({@link DeficitConservation}): a loss would vanish or be charged twice.
         */
        DEFICIT_NOT_CONSERVED,
        /** The rule set has no active version. */
        NO_ACTIVE_VERSION
    }

    private final Reason reason;
    private final String rule;

    public EvaluationFailedException(Reason reason, String rule, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.rule = rule;
    }

    public Reason reason() {
        return reason;
    }

    /** The rule that was firing when the evaluation failed, or null. */
    public String rule() {
        return rule;
    }
}
