package com.deleverage.admin.audit;

import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads audit_log rows and the chain's head on a caller's connection. */
final class AuditRows {
    static final String COLUMNS =
            "seq, occurred_at, actor, action, rule_set, version_no, version_hash, reason, prev_hash, hash, key_id";

    private AuditRows() {
    }

    static SealedLedger.Head head(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_chain_head has no row: the audit changelog was not applied");
            }
            return new SealedLedger.Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** Rows with {@code after < seq <= upTo}, in order. */
    static void forEach(Connection connection, long after, long upTo, Consumer<AuditEntry> consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(entry(rs));
                }
            }
        }
    }

    static Optional<String> hashAt(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Timestamps.get(rs, "occurred_at"), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("rule_set"),
                Nullable.getInt(rs, "version_no"), rs.getString("version_hash"), rs.getString("reason"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id"));
    }
}
