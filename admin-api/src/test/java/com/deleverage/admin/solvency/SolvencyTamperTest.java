package com.deleverage.admin.solvency;

import com.deleverage.admin.Api;
import com.deleverage.admin.EpochTampering;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database changes a published epoch; {@code /audit/verify} names the epoch
 * and the kind of change. Each test has a fresh database with one epoch of 5 accounts (8 leaves, depth 3),
 * published as the last audit row.
 */
@MicronautTest(environments = "dev", transactional = false, rebuildContext = true)
class SolvencyTamperTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    EpochTampering tampering;
    long epoch;

    @BeforeEach
    void publish() {
        tampering = new EpochTampering(new Api(http), dataSource, "solvency");
        epoch = tampering.publish("/api/v1/solvency/epochs", "{\"snapshot\": " + Books.of(5, 11).snapshotJson()
                + ", \"reserves\": {\"USDT\": \"1000000\"}}");
    }

    @Test
    void aChangedRootSumIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_epoch SET root_sum = root_sum - 1");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "the stored epoch was changed");
    }

    @Test
    void aChangedRootHashIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_epoch SET root_hash = '" + "0".repeat(64) + "'");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "with root sha256:" + "0".repeat(64) + ", but the chain");
    }

    @Test
    void aChangedSolventClaimOrReserveIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_epoch SET reserve_amount = '99999999'");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "reserve 99999999 USDT");
    }

    @Test
    void aChangedInnerNodeIsNamedBecauseProofsThroughItWouldFail() throws SQLException {
        tampering.sql("UPDATE solvency_node SET hash = '" + "f".repeat(64) + "' WHERE tree_level = 1 AND position_no = 2");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored node at level 1, position 2 is not the hash of its children");
    }

    @Test
    void aChangedLiabilityOfAnAccountIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_account SET liability = liability + 1 WHERE account_id = 'acct-2'");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "account 'acct-2' (its salt, liability or leaf) no longer gives leaf");
    }

    @Test
    void aChangedLeafSumIsNamed() throws SQLException {
        // The leaves, hashed upwards, no longer reach the published root.
        tampering.sql("UPDATE solvency_node SET node_sum = node_sum + 1 WHERE tree_level = 0 AND position_no = 0");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored leaves hash to root");
    }

    @Test
    void aDeletedEpochAndAnInsertedOneAreNamed() throws SQLException {
        tampering.sql("DELETE FROM solvency_node");
        tampering.sql("DELETE FROM solvency_account");
        tampering.sql("DELETE FROM solvency_epoch");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "published solvency epoch " + epoch + ", which is no longer stored");

        tampering.sql("INSERT INTO solvency_epoch (epoch_no, as_of, root_hash, root_sum, tree_depth, account_count, reserve_asset, "
                + "reserve_amount, solvent, deficit_sum, deficit_count, published_by, published_at) VALUES (" + (epoch + 1)
                + ", TIMESTAMP WITH TIME ZONE '2025-10-10 21:15:00+00', '" + "a".repeat(64) + "', 0, 0, 1, 'USDT', '1', "
                + "TRUE, 0, 0, 'mallory', TIMESTAMP WITH TIME ZONE '2025-10-10 21:15:00+00')");
        JsonNode result = tampering.verify();
        assertThat(result.get("breaks")).extracting(b -> b.get("kind").asText())
                .containsExactly("EPOCH_UNRECORDED", "EPOCH_MISMATCH");
    }
}
