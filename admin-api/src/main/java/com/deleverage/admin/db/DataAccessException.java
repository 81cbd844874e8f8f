package com.deleverage.admin.db;

import java.sql.SQLException;

/** A database failure: never the caller's fault, so it surfaces as a server error. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the failure is a unique or primary key violation (SQLSTATE class 23, code 23505). */
    public boolean isDuplicateKey() {
        return "23505".equals(((SQLException) getCause()).getSQLState());
    }
}
