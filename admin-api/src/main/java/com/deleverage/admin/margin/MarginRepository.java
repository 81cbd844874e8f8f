package com.deleverage.admin.margin;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Margin epochs, their files and their holders' openings, in the caller's transaction (or one of their own). */
@Singleton
@Transactional
class MarginRepository {
    private static final String VIEW_COLUMNS = "epoch_no, digest, as_of, rule_set, version_no, decision_id, account_count, "
            + "pool_count, linked_count, published_by, published_at";

    /** The two files of an epoch, as published. */
    record Files(String epochJson, String poolsJsonl) {
    }

    private final Connection connection;

    MarginRepository(Connection connection) {
        this.connection = connection;
    }

    /** Inserts the epoch's row (its number ignored) and returns the number the database gave it. */
    long insert(MarginEpochView e, Files files) {
        return Jdbc.call(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO margin_epoch ("
                    + VIEW_COLUMNS.substring("epoch_no, ".length()) + ", epoch_file, pools_file) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, e.digest());
                Timestamps.set(insert, 2, e.asOf());
                insert.setString(3, e.ruleSet());
                insert.setInt(4, e.version());
                insert.setString(5, e.decisionId());
                insert.setInt(6, e.accountCount());
                insert.setInt(7, e.pools());
                insert.setInt(8, e.linked());
                insert.setString(9, e.publishedBy());
                Timestamps.set(insert, 10, e.publishedAt());
                insert.setString(11, files.epochJson());
                insert.setString(12, files.poolsJsonl());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** @param openings each account holder's opening as JSON, by account id */
    void insertOpenings(long epoch, Map<String, String> openings) {
        Jdbc.insertBatched(connection, "INSERT INTO margin_opening (epoch_no, account_id, opening) VALUES (?, ?, ?)",
                openings.entrySet(), (insert, opening) -> {
                    insert.setLong(1, epoch);
                    insert.setString(2, opening.getKey());
                    insert.setString(3, opening.getValue());
                });
    }

    /** A stored epoch's number, digest column and files: what {@code /audit/verify} recomputes. */
    record Stored(long epoch, String digest, Files files) {
    }

    List<Stored> all() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT epoch_no, digest, epoch_file, pools_file FROM margin_epoch ORDER BY epoch_no");
                 ResultSet rs = select.executeQuery()) {
                List<Stored> stored = new ArrayList<>();
                while (rs.next()) {
                    stored.add(new Stored(rs.getLong(1), rs.getString(2), new Files(rs.getString(3), rs.getString(4))));
                }
                return stored;
            }
        });
    }

    Optional<MarginEpochView> find(long epoch) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + VIEW_COLUMNS + " FROM margin_epoch WHERE epoch_no = ?")) {
                select.setLong(1, epoch);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new MarginEpochView(rs.getLong("epoch_no"), rs.getString("digest"),
                            Timestamps.get(rs, "as_of"), rs.getString("rule_set"), rs.getInt("version_no"),
                            rs.getString("decision_id"), rs.getInt("account_count"), rs.getInt("pool_count"),
                            rs.getInt("linked_count"), rs.getString("published_by"), Timestamps.get(rs, "published_at")))
                            : Optional.empty();
                }
            }
        });
    }

    Optional<Files> files(long epoch) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT epoch_file, pools_file FROM margin_epoch WHERE epoch_no = ?")) {
                select.setLong(1, epoch);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Files(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    Optional<String> opening(long epoch, String accountId) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT opening FROM margin_opening WHERE epoch_no = ? AND account_id = ?")) {
                select.setLong(1, epoch);
                select.setString(2, accountId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
