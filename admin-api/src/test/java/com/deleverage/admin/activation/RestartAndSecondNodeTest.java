package com.deleverage.admin.activation;

import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.approval.ApprovalService;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is the truth about what is active: a restarted node serves the version it records, and
 * a second node sharing the database follows an activation made on the first within its poll interval.
 * Two application contexts over one H2 file database stand for two nodes (or one node, restarted).
 */
class RestartAndSecondNodeTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartedNodeServesTheRecordedActiveVersion() {
        RuleSetVersion v2;
        try (ApplicationContext node = startNode()) {
            v2 = activateNewVersion(node, "before the restart");
        }

        try (ApplicationContext restarted = startNode()) {
            CompiledVersion served = restarted.getBean(ActiveVersions.class).active("deleveraging").orElseThrow();
            assertThat(served.version()).isEqualTo(2);
            assertThat(served.hash()).isEqualTo(v2.hash());
            assertThat(restarted.getBean(AuditLog.class).verify().valid()).isTrue();
            assertThat(restarted.getBean(AuditLog.class).count()).isEqualTo(7);
        }
    }

    @Test
    void aSecondNodeFollowsAnActivationMadeOnTheFirstAtItsNextPoll() {
        try (ApplicationContext first = startNode(); ApplicationContext second = startNode()) {
            ActiveVersions secondRegistry = second.getBean(ActiveVersions.class);
            assertThat(secondRegistry.active("deleveraging").orElseThrow().version()).isEqualTo(1);

            RuleSetVersion v2 = activateNewVersion(first, "on the first node");
            assertThat(secondRegistry.active("deleveraging").orElseThrow().version())
                    .as("H2 has no notifications: the second node learns of it by polling").isEqualTo(1);

            second.getBean(ActiveVersionSync.class).poll(); // what the scheduler runs every poll-interval
            assertThat(secondRegistry.active("deleveraging").orElseThrow().version()).isEqualTo(2);
            assertThat(secondRegistry.active("deleveraging").orElseThrow().hash()).isEqualTo(v2.hash());
        }
    }

    /**
     * The crash drill found a restart that answered 404 (no active version): the first poll had taken the
     * rule set's lock while the start-up was still verifying the audit chain, and the start-up's sync, finding
     * it taken, skipped the rule set. Start-up now waits for a switch in progress.
     */
    @Test
    void aStartUpSyncWaitsForASwitchInProgressInsteadOfSkippingTheRuleSet() throws InterruptedException {
        try (ApplicationContext first = startNode(); ApplicationContext second = startNode()) {
            ActiveVersions secondRegistry = second.getBean(ActiveVersions.class);
            RuleSetVersion v2 = activateNewVersion(first, "while the second node restarts");
            ReentrantLock held = second.getBean(ActivationLocks.class).tryLock("deleveraging"); // a poll, switching

            Thread startUp = Thread.ofPlatform().start(() -> second.getBean(ActiveVersionSync.class).syncActive());
            while (startUp.isAlive() && !held.hasQueuedThread(startUp)) {
                Thread.onSpinWait();
            }
            assertThat(startUp.isAlive()).as("the start-up's sync waits for the lock").isTrue();
            assertThat(secondRegistry.active("deleveraging").orElseThrow().version()).isEqualTo(1);
            held.unlock();
            startUp.join();

            assertThat(secondRegistry.active("deleveraging").orElseThrow().hash()).isEqualTo(v2.hash());
        }
    }

    private ApplicationContext startNode() {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("deleveraging") + ";DB_CLOSE_ON_EXIT=FALSE",
                "deleveraging.activation.poll-interval", "1h"), "test");
    }

    /** Stage, approve and activate a new version through the services, as three different people. */
    private static RuleSetVersion activateNewVersion(ApplicationContext node, String comment) {
        RuleSetVersion staged = node.getBean(StagingService.class)
                .stage("deleveraging", comment, SeedPolicy.filesWithComment(comment), "author").version();
        node.getBean(ApprovalService.class).approve("deleveraging", staged.version(), "approver");
        node.getBean(ActivationService.class).activate("deleveraging", staged.version(), "operator");
        return staged;
    }
}
