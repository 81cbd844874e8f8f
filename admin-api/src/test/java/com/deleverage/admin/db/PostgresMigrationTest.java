package com.deleverage.admin.db;

import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.admin.activation.ActivationService;
import com.deleverage.admin.approval.ApprovalService;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.evaluation.EvaluationService;
import com.deleverage.admin.evaluation.SnapshotRequest;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.compile.ContentHash;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same Liquibase changelog on a real PostgreSQL server: it applies from scratch, the platform seeds,
 * stages, approves, activates, evaluates, logs and rolls back on it, the audit chain verifies (its hashes
 * survive PostgreSQL's timestamps), and a restart applies nothing twice and serves the recorded version.
 */
class PostgresMigrationTest {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void theWholeLifecycleRunsOnPostgres() throws Exception {
        String v1Hash = ContentHash.of(SeedPolicy.files());
        try (ApplicationContext node = start()) {
            assertThat(tables(node)).contains("rule_set", "rule_set_version", "rule_file", "validation_finding",
                    "approval", "activation_event", "decision_log", "audit_log", "audit_chain_head");
            RuleSetVersion v2 = node.getBean(StagingService.class).stage("deleveraging", "on postgres",
                    SeedPolicy.filesWithComment("on postgres"), "author").version();
            assertThat(v2.state()).isEqualTo(VersionState.VALIDATED);
            node.getBean(ApprovalService.class).approve("deleveraging", 2, "approver");
            node.getBean(ActivationService.class).activate("deleveraging", 2, "operator");

            var decision = node.getBean(EvaluationService.class).evaluate(SnapshotRequest.parse(Snapshots.UNDER_MARGINED), "trader");
            assertThat(decision.get("version").asInt()).isEqualTo(2);
            assertThat(decision.get("actions")).extracting(a -> a.get("type").asText()).contains("LIQUIDATE");
            assertThat(count(node, "decision_log")).isEqualTo(1);
            assertThat(tables(node)).contains("decision_account", "shadow_run", "shadow_difference", "shadow_account");

            // Idempotency-Key on PostgreSQL: the unique (caller, key) and the stored response.
            var evaluations = node.getBean(EvaluationService.class);
            var first = evaluations.evaluate(SnapshotRequest.parse(Snapshots.UNDER_MARGINED), "trader", "pg-key-1");
            var again = evaluations.evaluate(SnapshotRequest.parse(Snapshots.UNDER_MARGINED), "trader", "pg-key-1");
            assertThat(again.replayed()).isTrue();
            assertThat(again.response().get("decisionId")).isEqualTo(first.response().get("decisionId"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> evaluations.evaluate(
                    SnapshotRequest.parse(Snapshots.UNDER_MARGINED.replace("1900", "1901")), "trader", "pg-key-1")))
                    .isInstanceOf(com.deleverage.admin.refusal.Unprocessable.class);
            assertThat(count(node, "decision_log")).isEqualTo(2);

            node.getBean(ActivationService.class).rollback("deleveraging", null, "back to the seed", "operator", null);
            assertThat(node.getBean(EvaluationService.class).evaluate(SnapshotRequest.parse(Snapshots.UNDER_MARGINED), "trader").get("version").asInt())
                    .isEqualTo(1);

            // A solvency epoch on PostgreSQL (identity numbers, numeric(39,0) sums): acct-1 owes 179.35 and acct-2
            // 10000 + 0.1 x (103441.3 - 100000) = 10344.13, so the root sum is 10523.48 = 1052348000000 units.
            var epochs = node.getBean(com.deleverage.admin.solvency.EpochPublisher.class);
            var epoch = epochs.publish(com.deleverage.engine.snapshot.SnapshotJson.json().mapper().readValue(
                    "{\"snapshot\": " + Snapshots.UNDER_MARGINED + ", \"reserves\": {\"USDT\": \"20000\"}}",
                    com.deleverage.admin.solvency.EpochRequest.class), "operator");
            assertThat(epoch.root().sum()).isEqualTo(new java.math.BigInteger("1052348000000"));
            var proof = node.getBean(com.deleverage.admin.solvency.EpochQueries.class).proof(epoch.epoch(), "acct-2");
            assertThat(com.deleverage.verifier.InclusionCheck.againstRoot(
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(proof), epoch.root().hash())
                    .passed()).isTrue();
            // And a zero-knowledge one (commitments, blindings and the solvency proof's text column): its proof
            // verifies, the total is hidden, the reserve of 20000 covers 10523.48.
            var zk = epochs.publish(com.deleverage.engine.snapshot.SnapshotJson.json().mapper().readValue(
                    "{\"snapshot\": " + Snapshots.UNDER_MARGINED + ", \"reserves\": {\"USDT\": \"20000\"}, "
                            + "\"zeroKnowledge\": true}", com.deleverage.admin.solvency.EpochRequest.class), "operator");
            assertThat(zk.root().sum()).isNull();
            assertThat(zk.solvent()).isTrue();
            assertThat(zk.solvencyProof()).isNotNull();
            var zkProof = node.getBean(com.deleverage.admin.solvency.EpochQueries.class).proof(zk.epoch(), "acct-2");
            assertThat(com.deleverage.verifier.RangeCheck.againstRoot(
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(zkProof), zk.root().hash())
                    .passed()).isTrue();
            assertThat(node.getBean(AuditLog.class).verify().valid()).isTrue();
        }

        try (ApplicationContext restarted = start()) {
            assertThat(restarted.getBean(ActiveVersions.class).active("deleveraging").orElseThrow().hash())
                    .isEqualTo(v1Hash);
            assertThat(restarted.getBean(RuleSetRepository.class).versions("deleveraging"))
                    .extracting(RuleSetVersion::state).containsExactly(VersionState.ACTIVE, VersionState.RETIRED);
            AuditLog auditLog = restarted.getBean(AuditLog.class);
            assertThat(auditLog.verify().verifiedRows()).isEqualTo(10);
            assertThat(auditLog.page(6, 10)).extracting(e -> e.action().name())
                    .containsExactly("VERSION_ACTIVATED", "VERSION_ROLLED_BACK", "SOLVENCY_EPOCH_PUBLISHED",
                            "SOLVENCY_EPOCH_PUBLISHED");
            // Every changeset of the changelog, applied once: 6 for rule sets, 1 audit log, 1 decision log,
            // 2 for the decision log's details (Idempotency-Key, accounts) and shadow runs, 2 for the keyed
            // audit chain (key ids) and the decision seals, 1 for the rollbacks' Idempotency-Key, 1 for solvency
            // epochs, 1 for zero-knowledge epochs, 1 for margin epochs.
            assertThat(count(restarted, "databasechangelog")).isEqualTo(16);
        }
    }

    private static ApplicationContext start() {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", postgres.jdbcUrl(),
                "datasources.default.username", PostgresServer.USER,
                "datasources.default.password", ""), "test");
    }

    private static java.util.List<String> tables(ApplicationContext context) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class))
                .getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static long count(ApplicationContext context, String table) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class))
                .getConnection();
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
