package com.deleverage.admin.audit;

/** The audit chain does not back what the database says: the platform refuses to go on with it. */
public class AuditChainException extends IllegalStateException {
    public AuditChainException(String message) {
        super(message);
    }
}
