package com.deleverage.engine.sandbox;

/**
 * Policy code went past a limit of its evaluation. An {@link Error}, not an exception, so that neither
 * the policy's own {@code catch (Exception e)} nor Drools' consequence handling can swallow it: it
 * unwinds to the evaluation, which fails and throws its session away.
 */
public final class PolicyLimitError extends Error {
    /** Which limit was passed. */
    public enum Limit {
        /** Too many loop iterations in one rule firing. */
        FUEL,
        /** The evaluation's wall-clock deadline passed. */
        DEADLINE,
        /** Too many facts inserted. */
        FACTS,
        /** A string longer than the text limit. */
        TEXT,
        /** A decimal with more digits or a larger scale than allowed. */
        DECIMAL,
        /** The heap was nearly full while the policy allocated. */
        MEMORY,
        /** An array larger than the fuel left. */
        ARRAY,
        /** The call stack overflowed (a recursive structure, such as a fact that contains itself). */
        STACK
    }

    private final Limit limit;

    public PolicyLimitError(Limit limit, String message) {
        super(message, null, false, false);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
