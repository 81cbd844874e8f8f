package com.deleverage.admin.audit;

import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.ruleset.StagingService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the audit key comes from: no key, a short key or a shipped public key outside its environment stop
 * the start with a message saying which; a key file rotates keys, rows written under a retired key keep
 * verifying while that key is kept, and become unverifiable (the start refuses) once it is dropped.
 */
class AuditKeysTest {
    private static final String SECRET_1 = "first-secret-of-this-test-0123456789abcdef";
    private static final String SECRET_2 = "second-secret-of-this-test-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void aStartWithoutAKeyFails() {
        assertThatThrownBy(() -> start(Map.of("deleveraging.audit.key", ""), "test"))
                .hasRootCauseInstanceOf(ConfigurationException.class)
                .rootCause().hasMessageStartingWith("refusing to start: no audit key is configured. Set "
                        + "deleveraging.audit.key-file");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> start(Map.of("deleveraging.audit.key", "too-short"), "test"))
                .rootCause().hasMessage("refusing to start: audit key 'test' has 9 bytes; at least 32 are needed");
    }

    @Test
    void theDevKeyIsRefusedOutsideTheDevEnvironment() {
        assertThatThrownBy(() -> start(Map.of("deleveraging.audit.key-id", "dev",
                "deleveraging.audit.key", "dev-only-audit-key-PUBLIC-in-the-repository-do-not-use"), "test"))
                .rootCause().hasMessage("refusing to start: audit key 'dev' is the public dev key shipped in the "
                        + "repository; outside the dev environment configure a secret key of your own");
    }

    @Test
    void rowsOfARetiredKeyVerifyWhileItIsKeptAndStopTheStartOnceItIsDropped() throws Exception {
        Path keys = dir.resolve("audit.keys");
        Files.writeString(keys, "# audit keys, the last is current\nk1 " + SECRET_1 + "\n");
        try (ApplicationContext node = node(keys)) {
            assertThat(node.getBean(AuditKeys.class).currentId()).isEqualTo("k1");
            node.getBean(ChainWatch.class).exportCheckpoint();
        }

        Files.writeString(keys, "k2 " + SECRET_2 + "\n", StandardOpenOption.APPEND);
        try (ApplicationContext node = node(keys)) {
            node.getBean(StagingService.class).stage("deleveraging", "after the rotation",
                    SeedPolicy.filesWithComment("after the rotation"), "author");
            AuditLog log = node.getBean(AuditLog.class);
            assertThat(log.page(0, 10)).extracting(AuditEntry::keyId).containsExactly("k1", "k1", "k1", "k2", "k2");
            ChainVerification verified = log.verify();
            assertThat(verified.valid()).as(verified.toString()).isTrue();
            assertThat(verified.verifiedRows()).isEqualTo(5);
            assertThat(node.getBean(ChainWatch.class).exportCheckpoint().orElseThrow().keyId()).isEqualTo("k2");
        }

        Files.writeString(keys, "k2 " + SECRET_2 + "\n");
        assertThatThrownBy(() -> node(keys)).isInstanceOf(AuditChainException.class)
                .hasMessageContaining("UNKNOWN_KEY: row 1 names audit key 'k1', which this node does not hold");
    }

    private ApplicationContext node(Path keys) {
        return start(Map.of("deleveraging.audit.key", "", "deleveraging.audit.key-file", keys.toString(),
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("deleveraging") + ";DB_CLOSE_ON_EXIT=FALSE",
                "deleveraging.audit.checkpoint-file", dir.resolve("audit-checkpoints.log").toString(),
                "deleveraging.audit.checkpoint-interval", "1h"), "test");
    }

    private static ApplicationContext start(Map<String, Object> properties, String... environments) {
        return ApplicationContext.run(new HashMap<>(properties), List.of(environments).toArray(String[]::new));
    }
}
