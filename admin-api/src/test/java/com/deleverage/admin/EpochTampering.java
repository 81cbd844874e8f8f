package com.deleverage.admin;

import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tamper tests of published epochs (solvency, zero-knowledge, margin) do: change the database as someone
 * with write access would, on a connection of its own outside any transaction, and read what {@code /audit/verify}
 * names.
 *
 * @param chain the chain whose breaks are expected ({@code solvency}, {@code margin})
 */
public record EpochTampering(Api api, DataSource dataSource, String chain) {

    /**
     * Publishes an epoch ({@code POST path} as the operator: 201), checks that {@code /audit/verify} is valid before
     * anything is changed, and returns the epoch's number.
     */
    public long publish(String path, String body) {
        Reply published = api.post(path, User.OPERATOR, body);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(verify().get("valid").asBoolean()).as("valid before any change").isTrue();
        return published.json().get("epoch").asLong();
    }

    public void sql(String statement) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    public JsonNode verify() {
        return api.get("/api/v1/audit/verify", User.AUDITOR).json();
    }

    /** Exactly one break, of {@code kind} in this chain, naming {@code epoch}, saying {@code detail}; no audit row broken. */
    public void assertOnlyBreak(long epoch, String kind, String detail) {
        JsonNode result = verify();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("breaks")).hasSize(1);
        JsonNode only = result.get("breaks").get(0);
        assertThat(only.get("kind").asText()).isEqualTo(kind);
        assertThat(only.get("chain").asText()).isEqualTo(chain);
        assertThat(only.get("epoch").asLong()).isEqualTo(epoch);
        assertThat(only.get("detail").asText()).contains(detail);
        assertThat(result.has("firstBrokenSeq")).as("no audit row is broken").isFalse();
    }
}
