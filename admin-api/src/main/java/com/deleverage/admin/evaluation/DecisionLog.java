package com.deleverage.admin.evaluation;

import com.deleverage.admin.db.Database;
import com.deleverage.admin.db.Timestamps;
import com.deleverage.engine.evaluate.Decision;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stores every decision with its exact input and the version that made it, so any decision can be
 * looked up and replayed to the last digit.
 */
@Singleton
public class DecisionLog {
    private final Database database;

    public DecisionLog(Database database) {
        this.database = database;
    }

    /**
     * @param response the evaluation response as sent
     * @param input    the request body as received
     * @param caller   the authenticated trading system
     */
    void record(String decisionId, Instant evaluatedAt, Decision decision, String response, String input,
                String caller) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO decision_log (decision_id, rule_set, version_no, version_hash, input_hash, caller,
                                              as_of, evaluated_at, input, decision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, decisionId);
                insert.setString(2, decision.ruleSet());
                insert.setInt(3, decision.version());
                insert.setString(4, decision.versionHash());
                insert.setString(5, sha256(input));
                insert.setString(6, caller);
                Timestamps.set(insert, 7, decision.asOf());
                Timestamps.set(insert, 8, evaluatedAt);
                insert.setString(9, input);
                insert.setString(10, response);
                return insert.executeUpdate();
            }
        });
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
