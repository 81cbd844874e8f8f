package com.deleverage.admin.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
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
 * deleted row, a deleted tail or a row re-hashed without the key is named by verification. Each test
 * starts from an empty database (no rule sets, no audit rows, no checkpoint file), so that only the rows
 * it appends are judged.
 */
@MicronautTest(environments = "dev", transactional = false)
class AuditLogTest {
    @Inject
    AuditLog auditLog;

    @Inject
    DataSource dataSource;

    @Inject
    AuditCheckpoints checkpoints;

    @BeforeEach
    void emptyLog() throws Exception {
        for (String table : List.of("approval", "validation_finding", "rule_file", "activation_event",
                "rule_set_version", "rule_set", "audit_log")) {
            sql("DELETE FROM " + table);
        }
        sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = '" + AuditHash.GENESIS + "' WHERE id = 1");
        java.nio.file.Files.deleteIfExists(checkpoints.file());
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

        ChainVerification verified = auditLog.verify();
        assertThat(verified.valid()).isTrue();
        assertThat(verified.verifiedRows()).isEqualTo(40);
        assertThat(verified.headSeq()).isEqualTo(40);
        assertThat(verified.firstBrokenSeq()).isNull();
        assertThat(verified.breaks()).isEmpty();
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
        assertThat(result.kind()).isEqualTo(BreakKind.ROW_DELETED);
        assertThat(result.breaks()).extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(org.assertj.core.api.Assertions.tuple(BreakKind.ROW_DELETED, 4L));
    }

    @Test
    void aDeletedTailIsNamedFromTheHead() throws SQLException {
        appendFive();
        sql("DELETE FROM audit_log WHERE seq >= 4");

        ChainVerification result = auditLog.verify();

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4L);
        assertThat(result.problem()).contains("head records row 5");
        assertThat(result.kind()).isEqualTo(BreakKind.TRUNCATED);
    }

    /** Before the chain was keyed, such a row passed and only the next row's link broke; now the row itself fails. */
    @Test
    void aRowRehashedWithoutTheKeyAfterAnEditIsNamedItself() throws SQLException {
        List<AuditEntry> entries = appendFive();
        AuditEntry second = entries.get(1);
        String forgedHash = AuditHash.legacy(second.prevHash(), second.seq(), second.occurredAt(), "someone-else",
                second.action(), second.ruleSet(), second.version(), second.versionHash(), second.reason());
        sql("UPDATE audit_log SET actor = 'someone-else', hash = '" + forgedHash + "' WHERE seq = 2");

        ChainVerification result = auditLog.verify();

        assertThat(result.firstBrokenSeq()).isEqualTo(2L);
        assertThat(result.kind()).isEqualTo(BreakKind.ROW_ALTERED);
        assertThat(result.verifiedRows()).isEqualTo(1);
        assertThat(result.problem()).isEqualTo("row 2 does not match its hash: its content or number was changed, "
                + "or the row was written without the audit key");
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
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }
}
