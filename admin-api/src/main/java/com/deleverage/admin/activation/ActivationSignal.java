package com.deleverage.admin.activation;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the other nodes of a PostgreSQL fleet that a rule set changed (a version approved, activated or
 * rolled back), with {@code pg_notify} inside the transaction that records the change: PostgreSQL
 * delivers the notification only when that transaction commits, so a node woken by it always reads the
 * committed state, and a rolled-back change wakes nobody. On H2 (one node) it does nothing; the poll of
 * {@link ActiveVersionSync} stays the fallback on every database.
 */
@Singleton
public class ActivationSignal {
    /** The PostgreSQL notification channel; the payload is the rule set's name. */
    public static final String CHANNEL = "deleveraging_activation";

    private volatile Boolean postgres;

    public void send(Connection connection, String ruleSet) throws SQLException {
        if (!isPostgres(connection)) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, ruleSet);
            notify.execute();
        }
    }

    boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }
}
