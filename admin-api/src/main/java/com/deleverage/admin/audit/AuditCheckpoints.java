package com.deleverage.admin.audit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint file ({@code deleveraging.audit.checkpoint-file}, default
 * {@code <data-dir>/audit-checkpoints.log}): one signed {@link Checkpoint} per line, appended and forced to
 * disk, and the same line logged by the logger {@code deleveraging.audit.checkpoint} for the operator to ship
 * off the machine. Both live outside the database, so a database writer who cuts the end of a chain cannot
 * make it reach the last checkpoint again.
 */
@Singleton
public class AuditCheckpoints {
    private static final Logger EXPORT = LoggerFactory.getLogger("deleveraging.audit.checkpoint");

    /**
     * What the file holds.
     *
     * @param last        the last line whose HMAC verifies, or null
     * @param forgedLines line numbers (1-based) that are checkpoints in form but whose HMAC does not verify
     */
    public record Reading(Checkpoint last, List<Integer> forgedLines) {
    }

    private final Path file;
    private final AuditKeys keys;
    private final Clock clock;

    public AuditCheckpoints(@Value("${deleveraging.audit.checkpoint-file:${deleveraging.data-dir:./data}/audit-checkpoints.log}")
                            String file, AuditKeys keys, Clock clock) {
        this.file = Path.of(file);
        this.keys = keys;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Reads the file; an absent file has no checkpoint. A torn last line (a crash mid-write) is ignored. */
    public Reading read() {
        if (!Files.exists(file)) {
            return new Reading(null, List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        Checkpoint last = null;
        List<Integer> forged = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Checkpoint checkpoint = Checkpoint.parse(line);
            if (checkpoint == null) {
                if (i < lines.size() - 1) {
                    forged.add(i + 1);
                }
                continue;
            }
            if (signs(checkpoint)) {
                last = checkpoint;
            } else {
                forged.add(i + 1);
            }
        }
        return new Reading(last, List.copyOf(forged));
    }

    /** Signs the two heads and appends the checkpoint to the file and the log. */
    Checkpoint export(SealedLedger.Head audit, SealedLedger.Head decisions) {
        String keyId = keys.currentId();
        Checkpoint unsigned = new Checkpoint(clock.instant(), audit.seq(), audit.hash(), decisions.seq(),
                decisions.hash(), keyId, null);
        Checkpoint checkpoint = new Checkpoint(unsigned.at(), unsigned.seq(), unsigned.hash(), unsigned.decisionSeq(),
                unsigned.decisionHash(), keyId, AuditHash.mac(keys.mac(keyId).orElseThrow(), unsigned.signedFields()));
        String line = checkpoint.line();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        EXPORT.info(line);
        return checkpoint;
    }

    private boolean signs(Checkpoint c) {
        Optional<Mac> mac = keys.mac(c.keyId());
        return mac.isPresent() && AuditHash.mac(mac.get(), c.signedFields()).equals(c.mac());
    }
}
