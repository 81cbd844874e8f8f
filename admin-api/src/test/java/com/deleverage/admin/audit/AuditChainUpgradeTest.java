package com.deleverage.admin.audit;

import com.deleverage.admin.Snapshots;
import com.deleverage.admin.evaluation.EvaluationService;
import com.deleverage.admin.evaluation.SnapshotRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database written before the chain was keyed (SHA-256 rows without a key id, decisions without a seal)
 * is re-keyed and sealed on its first start with a key, and then verifies; the same unkeyed rows found
 * where a keyed chain's checkpoint was exported are forgeries, and the start is refused.
 */
class AuditChainUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void anUnkeyedChainIsReKeyedOnceOnTheFirstStartWithAKey() throws Exception {
        writeAndUnkey();
        Files.delete(dir.resolve("audit-checkpoints.log")); // as before the upgrade: no checkpoint yet

        try (ApplicationContext node = node()) {
            ChainVerification verified = node.getBean(AuditLog.class).verify();
            assertThat(verified.valid()).as(verified.toString()).isTrue();
            assertThat(verified.verifiedRows()).isEqualTo(3);
            assertThat(verified.sealedBatches()).isEqualTo(1);
            assertThat(verified.sealedDecisions()).isEqualTo(1);
            assertThat(node.getBean(AuditLog.class).page(0, 10)).extracting(AuditEntry::keyId)
                    .containsExactly("test", "test", "test");
        }
    }

    @Test
    void unkeyedRowsWhereAKeyedChainWasCheckpointedAreRefused() throws Exception {
        writeAndUnkey();

        assertThatThrownBy(this::node).isInstanceOf(AuditChainException.class)
                .hasMessage("3 audit rows have no key id although checkpoints of a keyed chain were exported ("
                        + dir.resolve("audit-checkpoints.log") + "): they were rewritten without the key");
    }

    /** Seeds and logs a decision, then turns the database into what changelog 005 found on an old installation. */
    private void writeAndUnkey() throws Exception {
        try (ApplicationContext node = node()) {
            node.getBean(EvaluationService.class).evaluate(SnapshotRequest.parse(Snapshots.UNDER_MARGINED), "trader");
            assertThat(node.getBean(ChainWatch.class).exportCheckpoint()).isPresent();
            try (Connection c = DelegatingDataSource.unwrapDataSource(node.getBean(DataSource.class)).getConnection();
                 Statement s = c.createStatement()) {
                List<AuditEntry> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_log ORDER BY seq")) {
                    while (rs.next()) {
                        rows.add(AuditRows.entry(rs));
                    }
                }
                String prev = AuditHash.GENESIS;
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = NULL WHERE seq = ?")) {
                    for (AuditEntry r : rows) {
                        String hash = AuditHash.legacy(prev, r.seq(), r.occurredAt(), r.actor(), r.action(), r.ruleSet(),
                                r.version(), r.versionHash(), r.reason());
                        update.setString(1, prev);
                        update.setString(2, hash);
                        update.setLong(3, r.seq());
                        update.executeUpdate();
                        prev = hash;
                    }
                }
                s.executeUpdate("UPDATE audit_chain_head SET last_hash = '" + prev + "'");
                s.executeUpdate("UPDATE decision_log SET seal_seq = NULL");
                s.executeUpdate("DELETE FROM decision_seal");
                s.executeUpdate("UPDATE decision_seal_head SET last_seq = 0, last_hash = '" + AuditHash.GENESIS + "'");
            }
        }
    }

    private ApplicationContext node() {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("deleveraging") + ";DB_CLOSE_ON_EXIT=FALSE",
                "deleveraging.audit.checkpoint-file", dir.resolve("audit-checkpoints.log").toString(),
                "deleveraging.audit.checkpoint-interval", "1h"), "test");
    }
}
