package com.deleverage.admin.activation;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Nullable;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The activation that made each rule set's active version active: who switched it, when and how (the
 * console's rule set page shows it beside the version). One query for all rule sets.
 */
@Singleton
public class CurrentActivations {
    private final Connection connection;

    public CurrentActivations(Connection connection) {
        this.connection = connection;
    }

    /** Rule set name to its latest activation; rule sets never activated are absent. */
    @ReadOnly
    public Map<String, Activation> byRuleSet() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT e.rule_set, e.version_no, v.content_hash, e.previous_version, e.kind, e.actor, e.reason,
                           e.occurred_at
                    FROM activation_event e
                    JOIN rule_set_version v ON v.rule_set = e.rule_set AND v.version_no = e.version_no
                    WHERE e.id = (SELECT MAX(l.id) FROM activation_event l WHERE l.rule_set = e.rule_set)""");
                 ResultSet rs = select.executeQuery()) {
                Map<String, Activation> current = new HashMap<>();
                while (rs.next()) {
                    String ruleSet = rs.getString("rule_set");
                    current.put(ruleSet, new Activation(ruleSet, rs.getInt("version_no"), rs.getString("content_hash"),
                            Nullable.getInt(rs, "previous_version"), ActivationKind.valueOf(rs.getString("kind")),
                            rs.getString("actor"), rs.getString("reason"), Timestamps.get(rs, "occurred_at")));
                }
                return current;
            }
        });
    }
}
