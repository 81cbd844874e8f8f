package com.deleverage.admin.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain against a real database: appends from many threads form one unbroken chain, and a
 * deleted row, a deleted tail or a re-hashed row is named by verification. Each test restores the
 * rows it damages by rebuilding the log from scratch.
 */
@MicronautTest(environments = "dev")
class AuditLogTest {
    @Inject
    AuditLog auditLog;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyLog() throws SQLException {
        sql("DELETE FROM audit_log");
        sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = '" + AuditHash.GENESIS + "' WHERE id = 1");
    }

    @Test
    void concurrentAppendsFormOneChain() throws Exception {
        List<Callable<AuditEntry>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String reason = "append " + i;
            appends.add(() -> auditLog.append(new AuditEvent("tester", AuditAction.VERSION_STAGED, "chain", 1, null,
                    reason)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (var done : pool.invokeAll(appends)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(auditLog.verify()).isEqualTo(new ChainVerification(true, 40, null, null));
        assertThat(auditLog.page(0, 100)).extracting(AuditEntry::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void aDeletedRowIsNamedByTheRowAfterTheGap() throws SQLException {
        appendFive();
        sql("DELETE FROM audit_log WHERE seq = 3");

        ChainVerification result = auditLog.verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4L);
        assertThat(result.verifiedRows()).isEqualTo(2);
        assertThat(result.problem()).contains("rows between them were deleted");
    }

    @Test
    void aDeletedTailIsNamedFromTheHead() throws SQLException {
        appendFive();
        sql("DELETE FROM audit_log WHERE seq >= 4");

        ChainVerification result = auditLog.verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4L);
        assertThat(result.problem()).contains("head records row 5");
    }

    @Test
    void aRowRehashedAfterAnEditBreaksTheLinkOfTheNextRow() throws SQLException {
        List<AuditEntry> entries = appendFive();
        AuditEntry second = entries.get(1);
        String forgedHash = AuditHash.of(second.prevHash(), second.seq(), second.occurredAt(), "someone-else",
                second.action(), second.ruleSet(), second.version(), second.versionHash(), second.reason());
        sql("UPDATE audit_log SET actor = 'someone-else', hash = '" + forgedHash + "' WHERE seq = 2");

        ChainVerification result = auditLog.verify();

        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.problem()).contains("does not link");
    }

    private List<AuditEntry> appendFive() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            entries.add(auditLog.append(new AuditEvent("tester", AuditAction.VERSION_STAGED, "chain", i,
                    "sha256:" + "ab".repeat(32), "row " + i)));
        }
        assertThat(auditLog.verify().valid()).isTrue();
        return entries;
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }
}
