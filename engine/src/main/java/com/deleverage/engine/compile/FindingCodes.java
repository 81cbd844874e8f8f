package com.deleverage.engine.compile;

/**
 * The stable codes of validation findings. Each has a page {@code docs/errors/<code>.md} with an
 * example and how to fix it; clients may switch on them.
 */
public final class FindingCodes {
    /** The DRL does not parse: a keyword, bracket or quote is missing or misplaced. */
    public static final String DRL_SYNTAX = "DRL_SYNTAX";
    /** A pattern names a fact type the platform does not have, or that is not imported. */
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    /** A constraint names a field the fact type does not have. */
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    /** The Java of a rule's {@code then} part does not compile. */
    public static final String CONSEQUENCE_ERROR = "CONSEQUENCE_ERROR";
    /** Two rules of one package share a name. */
    public static final String DUPLICATE_RULE = "DUPLICATE_RULE";
    /** Any other error the DRL compiler reports. */
    public static final String COMPILE_ERROR = "COMPILE_ERROR";
    /** A warning of the DRL compiler. */
    public static final String COMPILE_WARNING = "COMPILE_WARNING";
    /** The version has no {@code .drl} file. */
    public static final String NO_RULE_FILES = "NO_RULE_FILES";
    /** A rule's {@code @stage(...)} names no stage ({@code "account"} or {@code "market"}). */
    public static final String STAGE_UNKNOWN = "STAGE_UNKNOWN";
    /**
     * A declared type marked {@code @handover} cannot cross from the account stage to the market stage as data: it
     * has no text {@code accountId}, or a field that is not text, a decimal, a whole number, a boolean or an enum.
     */
    public static final String HANDOVER_TYPE_INVALID = "HANDOVER_TYPE_INVALID";

    private FindingCodes() {
    }
}
