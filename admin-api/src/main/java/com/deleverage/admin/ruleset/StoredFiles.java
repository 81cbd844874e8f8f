package com.deleverage.admin.ruleset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a stored version's files, sorted by path, on a given connection: the repository's transaction-bound one,
 * or the audit verifier's own, which reads the chain and what it binds in one consistent pass.
 */
public final class StoredFiles {
    private StoredFiles() {
    }

    public static Map<String, String> of(Connection connection, String ruleSet, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file_path, content FROM rule_file WHERE rule_set = ? AND version_no = ?")) {
            select.setString(1, ruleSet);
            select.setInt(2, version);
            try (ResultSet rs = select.executeQuery()) {
                Map<String, String> files = new TreeMap<>();
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getString(2));
                }
                return files;
            }
        }
    }
}
