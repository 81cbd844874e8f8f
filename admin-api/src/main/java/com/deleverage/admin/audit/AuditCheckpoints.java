package com.deleverage.admin.audit;

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

    public AuditCheckpoints(AuditProperties properties, AuditKeys keys, Clock clock) {
        this.file = Path.of(properties.checkpointFile());
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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        List<String> lines = text.lines().toList();
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        Checkpoint last = null;
        List<Integer> forged = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Checkpoint checkpoint = Checkpoint.parse(line);
            if (checkpoint == null) {
                if (!(torn && i == lines.size() - 1)) {
                    forged.add(i + 1); // only a crash mid-write leaves a line without its newline
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
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                dropTornLine(channel);
                channel.position(channel.size());
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        EXPORT.info(line);
        return checkpoint;
    }

    /** A line cut by a crash mid-write (no newline) is removed, so it never sits before a complete line. */
    private static void dropTornLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        long end = size;
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            channel.truncate(end);
        }
    }

    private boolean signs(Checkpoint c) {
        Optional<Mac> mac = keys.mac(c.keyId());
        return mac.isPresent() && AuditHash.mac(mac.get(), c.signedFields()).equals(c.mac());
    }
}
