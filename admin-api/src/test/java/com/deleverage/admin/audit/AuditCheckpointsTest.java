package com.deleverage.admin.audit;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoint file: appended line by line, signed; a line cut by a crash mid-write (no newline) is
 * ignored when read and removed by the next export; a complete line that does not verify is named.
 */
class AuditCheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsIgnoredAndReplacedAndAnEditedLineIsNamed() throws Exception {
        Path file = dir.resolve("audit-checkpoints.log");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "deleveraging.audit.checkpoint-file", file.toString(),
                "deleveraging.audit.checkpoint-interval", "1h"), "test")) {
            AuditCheckpoints checkpoints = context.getBean(AuditCheckpoints.class);
            Checkpoint first = checkpoints.export(new SealedLedger.Head(3, "hmac:" + "a".repeat(64)),
                    new SealedLedger.Head(0, AuditHash.GENESIS));
            Files.writeString(file, "checkpoint at=2026-01-0", StandardOpenOption.APPEND);

            assertThat(checkpoints.read()).isEqualTo(new AuditCheckpoints.Reading(first, List.of()));

            Checkpoint second = checkpoints.export(new SealedLedger.Head(5, "hmac:" + "b".repeat(64)),
                    new SealedLedger.Head(1, "hmac:" + "c".repeat(64)));
            assertThat(Files.readAllLines(file)).containsExactly(first.line(), second.line());
            assertThat(checkpoints.read()).isEqualTo(new AuditCheckpoints.Reading(second, List.of()));

            Files.writeString(file, first.line() + "\n" + second.line().replace("audit=5/", "audit=4/") + "\n");
            assertThat(checkpoints.read()).isEqualTo(new AuditCheckpoints.Reading(first, List.of(2)));
        }
    }
}
