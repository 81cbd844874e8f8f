package com.deleverage.admin.audit;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Reads audit_log rows and the chain's head in the caller's transaction (a verification reads them all in one). */
@Singleton
@Transactional(propagation = MANDATORY)
class AuditRows {
    static final String COLUMNS =
            "seq, occurred_at, actor, action, rule_set, version_no, version_hash, reason, prev_hash, hash, key_id";

    private final Connection connection;

    AuditRows(Connection connection) {
        this.connection = connection;
    }

    public SealedLedger.Head head() {
        return Jdbc.call(() -> {
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_chain_head has no row: the audit changelog was not applied");
                }
                return new SealedLedger.Head(rs.getLong(1), rs.getString(2));
            }
        });
    }

    /** Rows with {@code after < seq <= upTo}, in order. */
    public void forEach(long after, long upTo, Consumer<AuditEntry> consumer) {
        Jdbc.run(() -> {
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
        });
    }

    public Optional<String> hashAt(long seq) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
                select.setLong(1, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Timestamps.get(rs, "occurred_at"), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("rule_set"),
                Nullable.getInt(rs, "version_no"), rs.getString("version_hash"), rs.getString("reason"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id"));
    }
}
