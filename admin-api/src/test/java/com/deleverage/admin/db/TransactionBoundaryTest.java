package com.deleverage.admin.db;

import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.activation.ActivationService;
import com.deleverage.admin.approval.ApprovalService;
import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The transaction boundaries of the platform's multi-statement operations, on H2 and on PostgreSQL: an approval
 * or an activation that fails half-way (its version rows, activation event and audit row written, its last step
 * throwing) leaves nothing behind, neither in the tables nor in the audit chain nor in the served version; a
 * repository call made inside a transaction joins it instead of committing on its own; and a step that only makes
 * sense inside a larger transaction (the rule set's row lock) refuses to run alone. What the database holds is
 * read on a connection of its own, outside the platform's transactions.
 */
class TransactionBoundaryTest {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void onH2() throws Exception {
        try (ApplicationContext node = start(Map.of())) {
            everyBoundaryHolds(node);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (ApplicationContext node = start(Map.of("datasources.default.url", postgres.jdbcUrl(),
                "datasources.default.username", PostgresServer.USER, "datasources.default.password", ""))) {
            everyBoundaryHolds(node);
        }
    }

    private static void everyBoundaryHolds(ApplicationContext node) throws Exception {
        RuleSetVersion v2 = node.getBean(StagingService.class).stage("deleveraging", "transaction boundaries",
                SeedPolicy.filesWithComment("transaction boundaries"), "author").version();
        assertThat(v2.version()).isEqualTo(2);
        // The seed wrote 3 audit rows (VERSION_STAGED, VERSION_VALIDATED, REFERENCE_POLICY_SEEDED), staging v2 two
        // more (VERSION_STAGED, VERSION_VALIDATED): 5.
        assertThat(auditRows(node)).isEqualTo(5);

        aFailedApprovalLeavesNothing(node);
        node.getBean(ApprovalService.class).approve("deleveraging", 2, "approver"); // row 6: VERSION_APPROVED
        aFailedActivationLeavesNothing(node);
        node.getBean(ActivationService.class).activate("deleveraging", 2, "operator"); // row 7: VERSION_ACTIVATED
        assertThat(single(node, "SELECT active_version FROM rule_set WHERE name = 'deleveraging'")).isEqualTo(2);

        aNestedCallJoinsTheOuterTransaction(node);
        aRowLockRefusesToRunAlone(node);

        // The rolled-back appends left no gap: the chain is the 7 rows that committed, numbered 1 to 7.
        var verification = node.getBean(AuditLog.class).verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.verifiedRows()).isEqualTo(7);
        assertThat(verification.headSeq()).isEqualTo(7);
    }

    private static void aFailedApprovalLeavesNothing(ApplicationContext node) throws Exception {
        // The approval row, the state APPROVED and the VERSION_APPROVED audit row are written, then the signal throws.
        failsAtTheSignal(node, () -> node.getBean(ApprovalService.class).approve("deleveraging", 2, "approver"));
        assertThat(single(node, "SELECT COUNT(*) FROM approval WHERE rule_set = 'deleveraging' AND version_no = 2"))
                .isZero();
        assertThat(text(node, "SELECT state FROM rule_set_version WHERE rule_set = 'deleveraging' AND version_no = 2"))
                .isEqualTo("VALIDATED");
        assertThat(auditRows(node)).isEqualTo(5);
        assertThat(single(node, "SELECT last_seq FROM audit_chain_head WHERE id = 1")).isEqualTo(5);
    }

    private static void aFailedActivationLeavesNothing(ApplicationContext node) throws Exception {
        long activationsBefore = single(node, "SELECT activation_count FROM rule_set WHERE name = 'deleveraging'");
        // The rule set's pointer and counter, both versions' states, the activation event and the
        // VERSION_ACTIVATED audit row are written, then the signal throws.
        failsAtTheSignal(node, () -> node.getBean(ActivationService.class).activate("deleveraging", 2, "operator"));
        assertThat(single(node, "SELECT active_version FROM rule_set WHERE name = 'deleveraging'")).isEqualTo(1);
        assertThat(single(node, "SELECT activation_count FROM rule_set WHERE name = 'deleveraging'"))
                .isEqualTo(activationsBefore);
        assertThat(texts(node, "SELECT state FROM rule_set_version WHERE rule_set = 'deleveraging' ORDER BY version_no"))
                .containsExactly("ACTIVE", "APPROVED");
        assertThat(single(node, "SELECT COUNT(*) FROM activation_event WHERE version_no = 2")).isZero();
        assertThat(auditRows(node)).isEqualTo(6);
        assertThat(single(node, "SELECT last_seq FROM audit_chain_head WHERE id = 1")).isEqualTo(6);
        // Nothing committed, so nothing was swapped in: the node still serves v1.
        assertThat(node.getBean(ActiveVersions.class).active("deleveraging").orElseThrow().version()).isEqualTo(1);
    }

    private static void failsAtTheSignal(ApplicationContext node, ThrowingCallable operation) {
        FailingSignal signal = node.getBean(FailingSignal.class);
        signal.failing(true);
        try {
            assertThat(catchThrowable(operation)).isInstanceOf(FailingSignal.SignalFailed.class);
        } finally {
            signal.failing(false);
        }
    }

    @SuppressWarnings("unchecked")
    private static void aNestedCallJoinsTheOuterTransaction(ApplicationContext node) throws Exception {
        TransactionOperations<Connection> transactions = node.getBean(TransactionOperations.class);
        AuditLog auditLog = node.getBean(AuditLog.class);
        Throwable failed = catchThrowable(() -> transactions.executeWrite(status -> {
            auditLog.append(new AuditEvent("tester", AuditAction.VERSION_STAGED, "joined", 1, null,
                    "appended inside an outer transaction"));
            // Joined: the outer transaction sees the row as the 8th; a connection of its own still sees 7, since
            // nothing is committed until the outer transaction is.
            assertThat(auditLog.count()).isEqualTo(8);
            assertThat(auditRows(node)).isEqualTo(7);
            throw new IllegalStateException("the outer transaction fails after the nested append returned");
        }));
        assertThat(failed).hasMessage("the outer transaction fails after the nested append returned");
        assertThat(auditRows(node)).isEqualTo(7);
        assertThat(single(node, "SELECT COUNT(*) FROM audit_log WHERE rule_set = 'joined'")).isZero();
    }

    private static void aRowLockRefusesToRunAlone(ApplicationContext node) {
        // A FOR UPDATE lock taken in a transaction of its own would be released at once: it must join a caller's.
        Throwable refused = catchThrowable(() -> node.getBean(RuleSetRepository.class).lock("deleveraging"));
        assertThat(refused).isInstanceOf(IllegalTransactionStateException.class);
    }

    private static ApplicationContext start(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put(FailingSignal.ENABLED, "true");
        return ApplicationContext.run(properties, "test");
    }

    private static long auditRows(ApplicationContext node) throws SQLException {
        return single(node, "SELECT COUNT(*) FROM audit_log");
    }

    private static long single(ApplicationContext node, String sql) throws SQLException {
        return Long.parseLong(text(node, sql));
    }

    private static String text(ApplicationContext node, String sql) throws SQLException {
        return texts(node, sql).getFirst();
    }

    /** The first column of every row, read on a connection of the pool itself: outside every platform transaction. */
    private static List<String> texts(ApplicationContext node, String sql) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(node.getBean(DataSource.class))
                .getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
