package com.deleverage.admin.shadow;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** shadow_run, shadow_difference and shadow_account; every method joins the current transaction or runs in its own. */
@Singleton
@Transactional
public class ShadowRepository {
    private static final String RUN_COLUMNS = "id, rule_set, version_no, version_hash, started_by, started_at, "
            + "stopped_by, stopped_at, compared, differing, dropped, failed";

    /** One stored difference. */
    public record Difference(String decisionId, Instant comparedAt, List<String> accounts, String difference) {
    }

    private final Connection connection;

    public ShadowRepository(Connection connection) {
        this.connection = connection;
    }

    public Optional<ShadowRun> running(String ruleSet) {
        return oneRun("SELECT " + RUN_COLUMNS + " FROM shadow_run WHERE rule_set = ? AND stopped_at IS NULL",
                ruleSet);
    }

    /** The running shadow run of the rule set, or else its latest. */
    public Optional<ShadowRun> latest(String ruleSet) {
        return oneRun("SELECT " + RUN_COLUMNS
                + " FROM shadow_run WHERE rule_set = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", ruleSet);
    }

    public List<ShadowRun> allRunning() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + RUN_COLUMNS + " FROM shadow_run WHERE stopped_at IS NULL");
                 ResultSet rs = select.executeQuery()) {
                List<ShadowRun> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(run(rs));
                }
                return runs;
            }
        });
    }

    public long start(String ruleSet, int version, String hash, String actor, Instant at) {
        return Jdbc.call(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shadow_run (rule_set, version_no, "
                    + "version_hash, started_by, started_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, ruleSet);
                insert.setInt(2, version);
                insert.setString(3, hash);
                insert.setString(4, actor);
                Timestamps.set(insert, 5, at);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public void stop(long runId, String actor, Instant at) {
        Jdbc.run(() -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE shadow_run SET stopped_by = ?, stopped_at = ? WHERE id = ? AND stopped_at IS NULL")) {
                update.setString(1, actor);
                Timestamps.set(update, 2, at);
                update.setLong(3, runId);
                update.executeUpdate();
            }
        });
    }

    /** Adds this node's counts since its last flush (every node adds its own, so none overwrites another's). */
    public void addCounts(long runId, long compared, long differing, long dropped, long failed) {
        Jdbc.run(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE shadow_run SET compared = compared + ?, "
                    + "differing = differing + ?, dropped = dropped + ?, failed = failed + ? WHERE id = ?")) {
                update.setLong(1, compared);
                update.setLong(2, differing);
                update.setLong(3, dropped);
                update.setLong(4, failed);
                update.setLong(5, runId);
                update.executeUpdate();
            }
        });
    }

    public void recordDifference(long runId, String decisionId, Instant at, Collection<String> accounts,
                                 String difference) {
        Jdbc.run(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shadow_difference (run_id, "
                    + "decision_id, compared_at, accounts, difference) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, runId);
                insert.setString(2, decisionId);
                Timestamps.set(insert, 3, at);
                String joined = String.join(",", accounts);
                insert.setString(4, joined.length() > 4000 ? joined.substring(0, 3997) + "..." : joined);
                insert.setString(5, difference);
                insert.executeUpdate();
            }
            for (String account : accounts) {
                if (!hasAccount(runId, account)) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO shadow_account (run_id, account_id) VALUES (?, ?)")) {
                        insert.setLong(1, runId);
                        insert.setString(2, account);
                        insert.executeUpdate();
                    }
                }
            }
        });
    }

    public List<String> accounts(long runId, int limit) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_id FROM shadow_account WHERE run_id = ? ORDER BY account_id FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, runId);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<String> accounts = new ArrayList<>();
                    while (rs.next()) {
                        accounts.add(rs.getString(1));
                    }
                    return accounts;
                }
            }
        });
    }

    public long accountCount(long runId) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM shadow_account WHERE run_id = ?")) {
                select.setLong(1, runId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public List<Difference> recentDifferences(long runId, int limit) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT decision_id, compared_at, accounts, "
                    + "difference FROM shadow_difference WHERE run_id = ? ORDER BY compared_at DESC, decision_id "
                    + "FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, runId);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<Difference> differences = new ArrayList<>();
                    while (rs.next()) {
                        String accounts = rs.getString("accounts");
                        differences.add(new Difference(rs.getString("decision_id"), Timestamps.get(rs, "compared_at"),
                                accounts.isEmpty() ? List.of() : List.of(accounts.split(",")),
                                rs.getString("difference")));
                    }
                    return differences;
                }
            }
        });
    }

    private boolean hasAccount(long runId, String account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM shadow_account WHERE run_id = ? AND account_id = ?")) {
            select.setLong(1, runId);
            select.setString(2, account);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Optional<ShadowRun> oneRun(String sql, String ruleSet) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, ruleSet);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ShadowRun run(ResultSet rs) throws SQLException {
        return new ShadowRun(rs.getLong("id"), rs.getString("rule_set"), rs.getInt("version_no"),
                rs.getString("version_hash"), rs.getString("started_by"), Timestamps.get(rs, "started_at"),
                rs.getString("stopped_by"), Timestamps.get(rs, "stopped_at"), rs.getLong("compared"),
                rs.getLong("differing"), rs.getLong("dropped"), rs.getLong("failed"));
    }
}
