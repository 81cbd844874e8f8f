package com.deleverage.admin.ruleset;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Rule sets, their versions, files, findings and approvals in the database. Every method joins the current
 * transaction, or runs in one of its own when called alone.
 */
@Singleton
@Transactional
public class RuleSetRepository {
    private static final String VERSION_SELECT = """
            SELECT v.rule_set, v.version_no, v.content_hash, v.state, v.comment_text, v.author, v.created_at,
                   v.activated_at, v.retired_at, a.approver, a.approved_at
            FROM rule_set_version v
            LEFT JOIN approval a ON a.rule_set = v.rule_set AND a.version_no = v.version_no
            """;

    private final Connection connection;

    public RuleSetRepository(Connection connection) {
        this.connection = connection;
    }

    public boolean isEmpty() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM rule_set");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** Creates the rule set unless it exists; true when this call created it. */
    public boolean createIfAbsent(String name, Instant now) {
        return Jdbc.call(() -> {
            if (exists(name)) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rule_set (name, activation_count, created_at) VALUES (?, 0, ?)")) {
                insert.setString(1, name);
                Timestamps.set(insert, 2, now);
                insert.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Locks the rule set's row for the rest of the transaction and returns its activation state: every
     * change to a rule set's versions takes this lock, so they happen one at a time across nodes.
     */
    @Transactional(propagation = MANDATORY)
    public Optional<RuleSetRow> lock(String name) {
        return row("SELECT active_version, activation_count FROM rule_set WHERE name = ? FOR UPDATE", name);
    }

    public Optional<RuleSetRow> ruleSet(String name) {
        return row("SELECT active_version, activation_count FROM rule_set WHERE name = ?", name);
    }

    private Optional<RuleSetRow> row(String sql, String name) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new RuleSetRow(name, Nullable.getInt(rs, "active_version"), rs.getLong(2)))
                            : Optional.empty();
                }
            }
        });
    }

    public List<RuleSetSummary> summaries() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT r.name, r.active_version, av.content_hash AS active_hash,
                           (SELECT MAX(v.version_no) FROM rule_set_version v WHERE v.rule_set = r.name) AS latest
                    FROM rule_set r
                    LEFT JOIN rule_set_version av ON av.rule_set = r.name AND av.version_no = r.active_version
                    ORDER BY r.name""");
                 ResultSet rs = select.executeQuery()) {
                List<RuleSetSummary> summaries = new ArrayList<>();
                while (rs.next()) {
                    summaries.add(new RuleSetSummary(rs.getString("name"), Nullable.getInt(rs, "active_version"),
                            rs.getString("active_hash"), rs.getInt("latest")));
                }
                return summaries;
            }
        });
    }

    public Optional<RuleSetVersion> findByHash(String ruleSet, String hash) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    VERSION_SELECT + " WHERE v.rule_set = ? AND v.content_hash = ?")) {
                select.setString(1, ruleSet);
                select.setString(2, hash);
                return first(select);
            }
        });
    }

    public Optional<RuleSetVersion> find(String ruleSet, int version) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    VERSION_SELECT + " WHERE v.rule_set = ? AND v.version_no = ?")) {
                select.setString(1, ruleSet);
                select.setInt(2, version);
                return first(select);
            }
        });
    }

    public List<RuleSetVersion> versions(String ruleSet) {
        return Jdbc.call(() -> {
            Map<Integer, List<Finding>> findings = findingsOf(ruleSet);
            try (PreparedStatement select = connection.prepareStatement(
                    VERSION_SELECT + " WHERE v.rule_set = ? ORDER BY v.version_no")) {
                select.setString(1, ruleSet);
                try (ResultSet rs = select.executeQuery()) {
                    List<RuleSetVersion> versions = new ArrayList<>();
                    while (rs.next()) {
                        versions.add(version(rs, findings.getOrDefault(rs.getInt("version_no"), List.of())));
                    }
                    return versions;
                }
            }
        });
    }

    /** The files of a version, sorted by path. */
    public Map<String, String> files(String ruleSet, int version) {
        return Jdbc.call(() -> StoredFiles.of(connection, ruleSet, version));
    }

    public int nextVersionNumber(String ruleSet) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COALESCE(MAX(version_no), 0) + 1 FROM rule_set_version WHERE rule_set = ?")) {
                select.setString(1, ruleSet);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Stores a new version with its files and findings. */
    @Transactional(propagation = MANDATORY)
    public void insert(RuleSetVersion version, Map<String, String> files) {
        Jdbc.run(() -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rule_set_version (rule_set, version_no, content_hash, state, comment_text, author, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, version.ruleSet());
                insert.setInt(2, version.version());
                insert.setString(3, version.hash());
                insert.setString(4, version.state().name());
                insert.setString(5, version.comment());
                insert.setString(6, version.author());
                Timestamps.set(insert, 7, version.createdAt());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rule_file (rule_set, version_no, file_path, content) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    insert.setString(1, version.ruleSet());
                    insert.setInt(2, version.version());
                    insert.setString(3, file.getKey());
                    insert.setString(4, file.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO validation_finding (rule_set, version_no, ordinal, code, severity, file_path, line_no,
                                                    column_no, rule_name, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int ordinal = 0;
                for (Finding finding : version.findings()) {
                    insert.setString(1, version.ruleSet());
                    insert.setInt(2, version.version());
                    insert.setInt(3, ordinal++);
                    insert.setString(4, finding.code());
                    insert.setString(5, finding.severity().name());
                    insert.setString(6, finding.file());
                    insert.setInt(7, finding.line());
                    insert.setInt(8, finding.column());
                    insert.setString(9, finding.rule());
                    insert.setString(10, finding.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public void recordApproval(String ruleSet, int version, String approver, Instant at) {
        Jdbc.run(() -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO approval (rule_set, version_no, approver, approved_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, ruleSet);
                insert.setInt(2, version);
                insert.setString(3, approver);
                Timestamps.set(insert, 4, at);
                insert.executeUpdate();
            }
            setState(ruleSet, version, VersionState.APPROVED);
        });
    }

    public void setState(String ruleSet, int version, VersionState state) {
        Jdbc.run(() -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rule_set_version SET state = ? WHERE rule_set = ? AND version_no = ?")) {
                update.setString(1, state.name());
                update.setString(2, ruleSet);
                update.setInt(3, version);
                update.executeUpdate();
            }
        });
    }

    /** Marks a version ACTIVE and the one it replaces (if any) RETIRED. */
    @Transactional(propagation = MANDATORY)
    public void markActive(String ruleSet, int version, Integer replaced, Instant at) {
        Jdbc.run(() -> {
            if (replaced != null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE rule_set_version SET state = ?, retired_at = ? WHERE rule_set = ? AND version_no = ?")) {
                    update.setString(1, VersionState.RETIRED.name());
                    Timestamps.set(update, 2, at);
                    update.setString(3, ruleSet);
                    update.setInt(4, replaced);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rule_set_version SET state = ?, activated_at = ? WHERE rule_set = ? AND version_no = ?")) {
                update.setString(1, VersionState.ACTIVE.name());
                Timestamps.set(update, 2, at);
                update.setString(3, ruleSet);
                update.setInt(4, version);
                update.executeUpdate();
            }
        });
    }

    private boolean exists(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM rule_set WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Optional<RuleSetVersion> first(PreparedStatement select) throws SQLException {
        RuleSetVersion found;
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            found = version(rs, List.of());
        }
        return Optional.of(found.withFindings(
                findingsOf(found.ruleSet()).getOrDefault(found.version(), List.of())));
    }

    private Map<Integer, List<Finding>> findingsOf(String ruleSet) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT version_no, code, severity, file_path, line_no, column_no, rule_name, message
                FROM validation_finding WHERE rule_set = ? ORDER BY version_no, ordinal""")) {
            select.setString(1, ruleSet);
            try (ResultSet rs = select.executeQuery()) {
                Map<Integer, List<Finding>> findings = new HashMap<>();
                while (rs.next()) {
                    findings.computeIfAbsent(rs.getInt("version_no"), v -> new ArrayList<>()).add(new Finding(
                            rs.getString("code"), Severity.valueOf(rs.getString("severity")),
                            rs.getString("file_path"), rs.getInt("line_no"), rs.getInt("column_no"),
                            rs.getString("rule_name"), rs.getString("message")));
                }
                return findings;
            }
        }
    }

    private static RuleSetVersion version(ResultSet rs, List<Finding> findings) throws SQLException {
        return new RuleSetVersion(rs.getString("rule_set"), rs.getInt("version_no"), rs.getString("content_hash"),
                VersionState.valueOf(rs.getString("state")), rs.getString("comment_text"), rs.getString("author"),
                Timestamps.get(rs, "created_at"), rs.getString("approver"), Timestamps.get(rs, "approved_at"),
                Timestamps.get(rs, "activated_at"), Timestamps.get(rs, "retired_at"), findings);
    }
}
