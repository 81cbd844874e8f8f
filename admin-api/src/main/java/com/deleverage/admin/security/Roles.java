package com.deleverage.admin.security;

/** The platform's roles, as the authentication (embedded users or JWT {@code roles} claim) grants them. */
public final class Roles {
    public static final String POLICY_AUTHOR = "POLICY_AUTHOR";
    public static final String POLICY_APPROVER = "POLICY_APPROVER";
    public static final String OPERATOR = "OPERATOR";
    public static final String TRADING_SYSTEM = "TRADING_SYSTEM";
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
