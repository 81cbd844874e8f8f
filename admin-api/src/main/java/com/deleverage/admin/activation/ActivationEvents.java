package com.deleverage.admin.activation;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * The activation history of rule sets ({@code activation_event}), and the activation counter's compare-and-set.
 * Every method joins the current transaction (reads called alone get one of their own); {@code connection} is
 * Micronaut's proxy of that transaction's connection.
 */
@Singleton
@Transactional
public class ActivationEvents {
    private final Connection connection;

    public ActivationEvents(Connection connection) {
        this.connection = connection;
    }

    /**
     * Points the rule set at its new active version if nobody activated anything since {@code expectedCount}
     * was read; false when another activation won. Only inside the transaction that records the activation.
     */
    @Transactional(propagation = MANDATORY)
    public boolean switchActive(String ruleSet, int version, long expectedCount) {
        return Jdbc.call(() -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE rule_set SET active_version = ?, activation_count = activation_count + 1
                    WHERE name = ? AND activation_count = ?""")) {
                update.setInt(1, version);
                update.setString(2, ruleSet);
                update.setLong(3, expectedCount);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Records an activation; {@code idempotencyKey} (a rollback's, or null) is unique per rule set. */
    @Transactional(propagation = MANDATORY)
    public void record(Activation activation, String idempotencyKey) {
        Jdbc.run(() -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO activation_event (rule_set, version_no, previous_version, kind, actor, reason,
                                                  occurred_at, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, activation.ruleSet());
                insert.setInt(2, activation.version());
                Nullable.setInt(insert, 3, activation.previousVersion());
                insert.setString(4, activation.kind().name());
                insert.setString(5, activation.actor());
                insert.setString(6, activation.reason());
                Timestamps.set(insert, 7, activation.activatedAt());
                insert.setString(8, idempotencyKey);
                insert.executeUpdate();
            }
        });
    }

    /** The rule set's activations, oldest first: which version each made active, and how. */
    public List<RollbackTarget.Switch> history(String ruleSet) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT version_no, previous_version, kind FROM activation_event WHERE rule_set = ? ORDER BY id""")) {
                select.setString(1, ruleSet);
                try (ResultSet rs = select.executeQuery()) {
                    List<RollbackTarget.Switch> switches = new ArrayList<>();
                    while (rs.next()) {
                        switches.add(new RollbackTarget.Switch(rs.getInt("version_no"),
                                Nullable.getInt(rs, "previous_version"), ActivationKind.valueOf(rs.getString("kind"))));
                    }
                    return switches;
                }
            }
        });
    }

    /** The activation an earlier request with this Idempotency-Key produced, if there was one. */
    public Optional<Activation> byIdempotencyKey(String ruleSet, String idempotencyKey) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT e.version_no, v.content_hash, e.previous_version, e.kind, e.actor, e.reason, e.occurred_at
                    FROM activation_event e
                    JOIN rule_set_version v ON v.rule_set = e.rule_set AND v.version_no = e.version_no
                    WHERE e.rule_set = ? AND e.idempotency_key = ?""")) {
                select.setString(1, ruleSet);
                select.setString(2, idempotencyKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Activation(ruleSet, rs.getInt("version_no"),
                            rs.getString("content_hash"), Nullable.getInt(rs, "previous_version"),
                            ActivationKind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("reason"),
                            Timestamps.get(rs, "occurred_at"))) : Optional.empty();
                }
            }
        });
    }
}
