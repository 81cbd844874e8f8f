package com.deleverage.admin.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    /** Sets the parameters of one row of a batched insert. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private static final int BATCH = 1000;

    /** Inserts the rows with one prepared statement, sent to the database in batches of {@value #BATCH} rows. */
    public static <T> void insertBatched(Connection connection, String sql, Iterable<T> rows, RowBinder<T> binder) {
        run(() -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T row : rows) {
                    binder.bind(insert, row);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
        });
    }
}
