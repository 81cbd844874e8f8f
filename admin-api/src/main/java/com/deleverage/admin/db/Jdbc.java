package com.deleverage.admin.db;

import java.sql.SQLException;

/**
 * JDBC's checked {@link SQLException} as the platform's unchecked {@link DataAccessException}, so that
 * repository methods, which run on the connection of the current Micronaut transaction, read like any other
 * call. It opens, commits and closes nothing: {@code @Transactional} and {@code TransactionOperations} do.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /** Statements that return a result. */
    @FunctionalInterface
    public interface Query<T> {
        T run() throws SQLException;
    }

    /** Statements that return nothing. */
    @FunctionalInterface
    public interface Update {
        void run() throws SQLException;
    }

    public static <T> T call(Query<T> statements) {
        try {
            return statements.run();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static void run(Update statements) {
        try {
            statements.run();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
