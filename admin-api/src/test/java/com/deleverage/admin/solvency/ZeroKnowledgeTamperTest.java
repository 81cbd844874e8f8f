package com.deleverage.admin.solvency;

import com.deleverage.admin.Api;
import com.deleverage.admin.EpochTampering;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;


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

    EpochTampering tampering;
    long epoch;

    @BeforeEach
    void publish() {
        tampering = new EpochTampering(new Api(http), dataSource, "solvency");
        epoch = tampering.publish("/api/v1/solvency/epochs", "{\"snapshot\": " + Books.of(5, 11).snapshotJson()
                + ", \"reserves\": {\"USDT\": \"1000000\"}, \"zeroKnowledge\": true}");
    }

    /** A valid point that is no commitment of this tree: SEC 2's G. */
    private static final String G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    @Test
    void aChangedRootCommitmentIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_epoch SET root_commitment = '" + G + "'");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "zero-knowledge, root commitment " + G + "' with root");
    }

    @Test
    void aChangedBlindingOfALeafIsNamed() throws SQLException {
        // The leaf's opening no longer gives its commitment, so the rebuilt tree no longer reaches the root.
        tampering.sql("UPDATE solvency_node SET blinding = '" + "0".repeat(63) + "1' WHERE tree_level = 0 AND position_no = 0");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored leaves give root");
    }

    @Test
    void aChangedValueOfALeafIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_node SET node_sum = node_sum + 1 WHERE tree_level = 0 AND position_no = 3");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored leaves give root");
    }

    @Test
    void aChangedNodeCommitmentIsNamedBecauseProofsThroughItWouldFail() throws SQLException {
        tampering.sql("UPDATE solvency_node SET commitment = '" + G + "' WHERE tree_level = 1 AND position_no = 2");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored node at level 1, position 2 is not what its children");
    }

    @Test
    void aChangedLeafCommitmentIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_node SET commitment = '" + G + "' WHERE tree_level = 0 AND position_no = 5");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "stored node at level 0, position 5 is not what its children (or its "
                + "opening) give");
    }

    @Test
    void aChangedLiabilityOfAnAccountIsNamed() throws SQLException {
        tampering.sql("UPDATE solvency_account SET liability = liability + 1 WHERE account_id = 'acct-2'");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "account 'acct-2' (its salt, liability or leaf) no longer gives leaf");
    }
}
