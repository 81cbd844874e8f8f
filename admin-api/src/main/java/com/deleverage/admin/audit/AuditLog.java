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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log, chained by HMAC under the current audit key ({@link AuditKeys}). Appending
 * locks the single chain-head row, so appends from any number of threads or nodes form one chain; an
 * append joins the caller's transaction, so a state change and its audit row commit together or not at all
 * (alone, a refusal's row gets a transaction of its own).
 */
@Singleton
@Transactional
public class AuditLog {
    private static final String COLUMNS = AuditRows.COLUMNS;

    private final Connection connection;
    private final Clock clock;
    private final AuditKeys keys;
    private final AuditVerifier verifier;

    public AuditLog(Connection connection, Clock clock, AuditKeys keys, AuditVerifier verifier) {
        this.connection = connection;
        this.clock = clock;
        this.keys = keys;
        this.verifier = verifier;
    }

    /** Appends in the current transaction, or in one of its own. */
    public AuditEntry append(AuditEvent event) {
        return Jdbc.call(() -> chain(event));
    }

    private AuditEntry chain(AuditEvent event) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_chain_head has no row: the audit changelog was not applied");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        long seq = lastSeq + 1;
        Instant now = clock.instant();
        String keyId = keys.currentId();
        String hash = AuditHash.keyed(keys.mac(keyId).orElseThrow(), keyId, lastHash, seq, now, event.actor(),
                event.action(), event.ruleSet(), event.version(), event.versionHash(), event.reason());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            Timestamps.set(insert, 2, now);
            insert.setString(3, event.actor());
            insert.setString(4, event.action().name());
            insert.setString(5, event.ruleSet());
            Nullable.setInt(insert, 6, event.version());
            insert.setString(7, event.versionHash());
            insert.setString(8, event.reason());
            insert.setString(9, lastHash);
            insert.setString(10, hash);
            insert.setString(11, keyId);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
        return new AuditEntry(seq, now, event.actor(), event.action(), event.ruleSet(), event.version(),
                event.versionHash(), event.reason(), lastHash, hash, keyId);
    }

    /** Rows in chain order, {@code size} rows from {@code offset}. */
    public List<AuditEntry> page(long offset, int size) {
        return page(AuditFilter.ALL, offset, size);
    }

    /** The rows the filter matches, in chain order, {@code size} rows from {@code offset}. */
    public List<AuditEntry> page(AuditFilter filter, long offset, int size) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_log"
                    + filter.where() + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int index = bind(select, filter);
                select.setLong(index, offset);
                select.setInt(index + 1, size);
                try (ResultSet rs = select.executeQuery()) {
                    List<AuditEntry> entries = new ArrayList<>();
                    while (rs.next()) {
                        entries.add(AuditRows.entry(rs));
                    }
                    return entries;
                }
            }
        });
    }

    public long count() {
        return count(AuditFilter.ALL);
    }

    /** How many rows the filter matches. */
    public long count(AuditFilter filter) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM audit_log" + filter.where())) {
                bind(select, filter);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Binds the filter's parameters from index 1; the next free index. */
    private static int bind(PreparedStatement statement, AuditFilter filter) throws SQLException {
        int index = 1;
        for (String parameter : filter.parameters()) {
            statement.setString(index++, parameter);
        }
        return index;
    }

    /**
     * Recomputes the whole chain and checks what it binds (checkpoint, decision seals, versions, approvals,
     * active versions); names every break.
     */
    public ChainVerification verify() {
        return verifier.verify();
    }
}
