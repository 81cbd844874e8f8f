package com.deleverage.admin.decision;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.StoredJson;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** The decision_log and decision_account tables. Reads run in a read-only transaction of their own. */
@Singleton
public class DecisionLogRepository {
    private static final String COLUMNS = "decision_id, rule_set, version_no, version_hash, input_hash, caller, "
            + "idempotency_key, as_of, evaluated_at, input, decision, actions, fired_rules, rule_firings, elapsed_micros";
    private static final String SUMMARY_COLUMNS = "d.decision_id, d.rule_set, d.version_no, d.version_hash, "
            + "d.input_hash, d.caller, d.idempotency_key, d.as_of, d.evaluated_at, d.actions, d.rule_firings, "
            + "d.elapsed_micros";

    private final Connection connection;
    private final DecisionSeals seals;

    public DecisionLogRepository(Connection connection, DecisionSeals seals) {
        this.connection = connection;
        this.seals = seals;
    }

    /**
     * Inserts the records with JDBC batches in the caller's transaction (the caller commits), under one
     * seal of the decision chain appended in the same transaction.
     */
    @Transactional(propagation = MANDATORY)
    public void insert(List<DecisionRecord> records) {
        long seal = seals.seal(records);
        Jdbc.run(() -> insertBatches(records, seal));
    }

    private void insertBatches(List<DecisionRecord> records, long seal) throws SQLException {
        try (PreparedStatement decision = connection.prepareStatement("INSERT INTO decision_log (" + COLUMNS
                + ", seal_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement account = connection.prepareStatement(
                     "INSERT INTO decision_account (account_id, evaluated_at, decision_id) VALUES (?, ?, ?)")) {
            boolean anyAccount = false;
            for (DecisionRecord r : records) {
                decision.setString(1, r.decisionId());
                decision.setString(2, r.ruleSet());
                decision.setInt(3, r.version());
                decision.setString(4, r.versionHash());
                decision.setString(5, r.inputHash());
                decision.setString(6, r.caller());
                decision.setString(7, r.idempotencyKey());
                Timestamps.set(decision, 8, DecisionSeals.stored(r.asOf()));
                Timestamps.set(decision, 9, DecisionSeals.stored(r.evaluatedAt()));
                decision.setString(10, r.input());
                decision.setString(11, r.response());
                decision.setString(12, r.actions());
                decision.setString(13, r.firedRules());
                decision.setInt(14, r.ruleFirings());
                decision.setLong(15, r.elapsedMicros());
                decision.setLong(16, seal);
                decision.addBatch();
                for (String id : r.accounts()) {
                    account.setString(1, id);
                    Timestamps.set(account, 2, r.evaluatedAt());
                    account.setString(3, r.decisionId());
                    account.addBatch();
                    anyAccount = true;
                }
            }
            decision.executeBatch();
            if (anyAccount) {
                account.executeBatch();
            }
        }
    }

    @ReadOnly
    public Optional<DecisionRecord> find(String decisionId) {
        return Jdbc.call(() -> one("SELECT " + COLUMNS + " FROM decision_log WHERE decision_id = ?", decisionId));
    }

    @ReadOnly
    public Optional<DecisionRecord> findByIdempotencyKey(String caller, String key) {
        return Jdbc.call(() -> one("SELECT " + COLUMNS + " FROM decision_log WHERE caller = ? AND idempotency_key = ?",
                caller, key));
    }

    /** Decisions evaluated in [from, to), newest first; with an account, only those that looked at it. */
    @ReadOnly
    public List<DecisionSummary> search(String account, Instant from, Instant to, long offset, int size) {
        return Jdbc.call(() -> {
            String sql = account == null
                    ? "SELECT " + SUMMARY_COLUMNS + " FROM decision_log d WHERE d.evaluated_at >= ? AND d.evaluated_at < ?"
                    + " ORDER BY d.evaluated_at DESC, d.decision_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"
                    : "SELECT " + SUMMARY_COLUMNS + " FROM decision_account a JOIN decision_log d"
                    + " ON d.decision_id = a.decision_id WHERE a.account_id = ? AND a.evaluated_at >= ?"
                    + " AND a.evaluated_at < ? ORDER BY a.evaluated_at DESC, a.decision_id"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = bindRange(select, account, from, to);
                select.setLong(i++, offset);
                select.setInt(i, size);
                try (ResultSet rs = select.executeQuery()) {
                    List<DecisionSummary> page = new ArrayList<>();
                    while (rs.next()) {
                        page.add(new DecisionSummary(rs.getString("decision_id"), rs.getString("rule_set"),
                                rs.getInt("version_no"), rs.getString("version_hash"), rs.getString("input_hash"),
                                rs.getString("caller"), rs.getString("idempotency_key"), Timestamps.get(rs, "as_of"),
                                Timestamps.get(rs, "evaluated_at"), StoredJson.parse(rs.getString("actions")),
                                rs.getInt("rule_firings"), rs.getLong("elapsed_micros")));
                    }
                    return page;
                }
            }
        });
    }

    @ReadOnly
    public long count(String account, Instant from, Instant to) {
        return Jdbc.call(() -> {
            String sql = account == null
                    ? "SELECT COUNT(*) FROM decision_log WHERE evaluated_at >= ? AND evaluated_at < ?"
                    : "SELECT COUNT(*) FROM decision_account WHERE account_id = ? AND evaluated_at >= ? AND evaluated_at < ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                bindRange(select, account, from, to);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Removes the stored input of decisions evaluated before {@code before}; the input hash stays. */
    @Transactional
    public int purgeInputsBefore(Instant before) {
        return Jdbc.call(() -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE decision_log SET input = NULL WHERE evaluated_at < ? AND input IS NOT NULL")) {
                Timestamps.set(update, 1, before);
                return update.executeUpdate();
            }
        });
    }

    @ReadOnly
    public long countAll() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM decision_log");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static int bindRange(PreparedStatement select, String account, Instant from, Instant to)
            throws SQLException {
        int i = 1;
        if (account != null) {
            select.setString(i++, account);
        }
        Timestamps.set(select, i++, from);
        Timestamps.set(select, i++, to);
        return i;
    }

    private Optional<DecisionRecord> one(String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String decisionId = rs.getString("decision_id");
                DecisionRecord record = new DecisionRecord(decisionId, rs.getString("rule_set"),
                        rs.getInt("version_no"), rs.getString("version_hash"), rs.getString("input_hash"),
                        rs.getString("caller"), rs.getString("idempotency_key"), Timestamps.get(rs, "as_of"),
                        Timestamps.get(rs, "evaluated_at"), rs.getString("input"), rs.getString("decision"),
                        rs.getString("actions"), rs.getString("fired_rules"), rs.getInt("rule_firings"),
                        rs.getLong("elapsed_micros"), accounts(decisionId));
                return Optional.of(record);
            }
        }
    }

    private List<String> accounts(String decisionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT account_id FROM decision_account WHERE decision_id = ? ORDER BY account_id")) {
            select.setString(1, decisionId);
            try (ResultSet rs = select.executeQuery()) {
                List<String> accounts = new ArrayList<>();
                while (rs.next()) {
                    accounts.add(rs.getString(1));
                }
                return accounts;
            }
        }
    }
}
