package com.deleverage.admin.solvency;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database changes a published zero-knowledge epoch: its root commitment, a
 * leaf's opening, a node's commitment, an account's liability; {@code /audit/verify} names the epoch and the kind
 * of change. Each test has a fresh database with one zero-knowledge epoch of 5 accounts (8 leaves, depth 3),
 * published as the last audit row.
 */
@MicronautTest(environments = "dev", rebuildContext = true, transactional = false)
class ZeroKnowledgeTamperTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Api api;
    long epoch;

    @BeforeEach
    void publish() {
        api = new Api(http);
        Reply published = api.post("/api/v1/solvency/epochs", User.OPERATOR, "{\"snapshot\": "
                + Books.of(5, 11).snapshotJson() + ", \"reserves\": {\"USDT\": \"1000000\"}, \"zeroKnowledge\": true}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        epoch = published.json().get("epoch").asLong();
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    /** A valid point that is no commitment of this tree: SEC 2's G. */
    private static final String G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    @Test
    void aChangedRootCommitmentIsNamed() throws SQLException {
        sql("UPDATE solvency_epoch SET root_commitment = '" + G + "'");
        assertOnlyBreak("EPOCH_MISMATCH", "zero-knowledge, root commitment " + G + "' with root");
    }

    @Test
    void aChangedBlindingOfALeafIsNamed() throws SQLException {
        // The leaf's opening no longer gives its commitment, so the rebuilt tree no longer reaches the root.
        sql("UPDATE solvency_node SET blinding = '" + "0".repeat(63) + "1' WHERE tree_level = 0 AND position_no = 0");
        assertOnlyBreak("EPOCH_MISMATCH", "stored leaves give root");
    }

    @Test
    void aChangedValueOfALeafIsNamed() throws SQLException {
        sql("UPDATE solvency_node SET node_sum = node_sum + 1 WHERE tree_level = 0 AND position_no = 3");
        assertOnlyBreak("EPOCH_MISMATCH", "stored leaves give root");
    }

    @Test
    void aChangedNodeCommitmentIsNamedBecauseProofsThroughItWouldFail() throws SQLException {
        sql("UPDATE solvency_node SET commitment = '" + G + "' WHERE tree_level = 1 AND position_no = 2");
        assertOnlyBreak("EPOCH_MISMATCH", "stored node at level 1, position 2 is not what its children");
    }

    @Test
    void aChangedLeafCommitmentIsNamed() throws SQLException {
        sql("UPDATE solvency_node SET commitment = '" + G + "' WHERE tree_level = 0 AND position_no = 5");
        assertOnlyBreak("EPOCH_MISMATCH", "stored node at level 0, position 5 is not what its children (or its "
                + "opening) give");
    }

    @Test
    void aChangedLiabilityOfAnAccountIsNamed() throws SQLException {
        sql("UPDATE solvency_account SET liability = liability + 1 WHERE account_id = 'acct-2'");
        assertOnlyBreak("EPOCH_MISMATCH", "account 'acct-2' (its salt, liability or leaf) no longer gives leaf");
    }

    private void assertOnlyBreak(String kind, String detail) {
        JsonNode result = verify();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("breaks")).hasSize(1);
        JsonNode only = result.get("breaks").get(0);
        assertThat(only.get("kind").asText()).isEqualTo(kind);
        assertThat(only.get("chain").asText()).isEqualTo("solvency");
        assertThat(only.get("epoch").asLong()).isEqualTo(epoch);
        assertThat(only.get("detail").asText()).contains(detail);
        assertThat(result.has("firstBrokenSeq")).as("no audit row is broken").isFalse();
    }

    private JsonNode verify() {
        return api.get("/api/v1/audit/verify", User.AUDITOR).json();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
