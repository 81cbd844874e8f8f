package com.deleverage.admin.evaluation;

import com.deleverage.admin.db.Database;
import com.deleverage.admin.db.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.HexFormat;

/**
 * Stores every decision with its exact input and the version that made it, so any decision can be
 * looked up and replayed to the last digit.
 */
@Singleton
public class DecisionLog {
    private final Database database;
    private final ObjectMapper mapper;

    public DecisionLog(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    void record(EvaluationResponse response, String input, String caller) {
        String decision;
        try {
            decision = mapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision could not be written as JSON", e);
        }
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO decision_log (decision_id, rule_set, version_no, version_hash, input_hash, caller,
                                              as_of, evaluated_at, input, decision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, response.decisionId());
                insert.setString(2, response.ruleSet());
                insert.setInt(3, response.version());
                insert.setString(4, response.versionHash());
                insert.setString(5, sha256(input));
                insert.setString(6, caller);
                Timestamps.set(insert, 7, response.asOf());
                Timestamps.set(insert, 8, response.evaluatedAt());
                insert.setString(9, input);
                insert.setString(10, decision);
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
