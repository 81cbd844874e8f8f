package com.deleverage.admin.activation;

import com.deleverage.admin.db.Jdbc;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

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

    private final Connection connection;
    private volatile Boolean postgres;

    public ActivationSignal(Connection connection) {
        this.connection = connection;
    }

    /** Only inside the transaction that records the change: the notification leaves with its commit. */
    @Transactional(propagation = MANDATORY)
    public void send(String ruleSet) {
        Jdbc.run(() -> {
            if (!isPostgres()) {
                return;
            }
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, ruleSet);
                notify.execute();
            }
        });
    }

    private boolean isPostgres() throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }
}
