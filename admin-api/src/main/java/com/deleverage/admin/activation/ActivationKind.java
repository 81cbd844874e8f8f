package com.deleverage.admin.activation;

/** Why a version became active. */
public enum ActivationKind {
    /** The reference policy on an empty database. */
    SEED,
    /** An approved version, by an operator. */
    ACTIVATE,
    /** An earlier version again, by an operator. */
    ROLLBACK
}
