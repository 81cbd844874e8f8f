package com.deleverage.admin.activation;

import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The activation history of rule sets ({@code activation_event}), and the activation counter's compare-and-set. */
@Singleton
public class ActivationEvents {

    /**
     * Points the rule set at its new active version if nobody activated anything since {@code expectedCount}
     * was read; false when another activation won.
     */
    public boolean switchActive(Connection connection, String ruleSet, int version, long expectedCount)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rule_set SET active_version = ?, activation_count = activation_count + 1
                WHERE name = ? AND activation_count = ?""")) {
            update.setInt(1, version);
            update.setString(2, ruleSet);
            update.setLong(3, expectedCount);
            return update.executeUpdate() == 1;
        }
    }

    public void record(Connection connection, String ruleSet, int version, Integer previous, ActivationKind kind,
                       String actor, String reason, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO activation_event (rule_set, version_no, previous_version, kind, actor, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, ruleSet);
            insert.setInt(2, version);
            Nullable.setInt(insert, 3, previous);
            insert.setString(4, kind.name());
            insert.setString(5, actor);
            insert.setString(6, reason);
            Timestamps.set(insert, 7, at);
            insert.executeUpdate();
        }
    }

    /** The version that was active before the latest activation of the rule set, if there was one. */
    public Optional<Integer> previouslyActive(Connection connection, String ruleSet) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT previous_version FROM activation_event WHERE rule_set = ?
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")) {
            select.setString(1, ruleSet);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Nullable.getInt(rs, "previous_version")) : Optional.empty();
            }
        }
    }
}
