package com.deleverage.admin.replay;

import com.deleverage.admin.refusal.InvalidInput;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one folder whose files an HTTP replay may read ({@code deleveraging.replay.data-dir}: by default
 * {@code market-data}, the market data bundled with the repository, relative to the working directory). A
 * request names a file by its path relative to it; absolute paths, {@code ..} segments and links leading out of
 * the folder are refused, so a request can never read an arbitrary file of the server.
 */
@Singleton
public class ReplayDataDirectory {
    static final String SETTING = "deleveraging.replay.data-dir";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayDataDirectory.class);

    /** The folder as configured, made absolute (relative to the working directory). */
    private final Path folder;

    @Inject
    public ReplayDataDirectory(ReplayProperties properties) {
        this(properties.dataDir());
    }

    ReplayDataDirectory(String configured) {
        this.folder = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            LOG.warn("{}: the market data folder {} does not exist; replays are refused until it does", SETTING, folder);
        }
    }

    /** The folder as configured, made absolute; it may not exist. */
    Path folder() {
        return folder;
    }

    private Path root(String field) {
        if (!Files.isDirectory(folder)) {
            throw InvalidInput.of(field, "the market data folder " + folder + " does not exist on this server (set " + SETTING
                    + " to the folder of the price files)");
        }
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw InvalidInput.of(field, "cannot read the market data folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * The file a request names, inside the folder.
     *
     * @param field the request field, for the problem's field error ({@code prices[0].path})
     * @throws InvalidInput for a path outside the folder or a file that does not exist
     */
    public Path resolve(String relative, String field) {
        Path root = root(field);
        if (relative == null || relative.isBlank()) {
            throw InvalidInput.of(field, "name a file relative to the market data folder");
        }
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw InvalidInput.of(field, "not a file path: " + e.getReason());
        }
        boolean escapes = path.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")
                || relative.contains("\\")
                || java.util.stream.StreamSupport.stream(path.spliterator(), false).anyMatch(p -> p.toString().equals(".."));
        if (escapes) {
            throw InvalidInput.of(field, "'" + relative + "' is not inside the market data folder: name a file relative to it, "
                    + "without '..' or a leading '/'");
        }
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || !Files.isRegularFile(resolved)) {
            throw InvalidInput.of(field, "no file '" + relative + "' in the market data folder");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(root)) {
                throw InvalidInput.of(field, "'" + relative + "' leads out of the market data folder");
            }
            return real;
        } catch (IOException e) {
            throw InvalidInput.of(field, "cannot read '" + relative + "': " + e.getMessage());
        }
    }
}
