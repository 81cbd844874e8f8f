package com.deleverage.admin.replay;

import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one folder whose files an HTTP replay may read ({@code deleveraging.replay.data-dir}; by default
 * {@code ../shared/data/market} when it exists). A request names a file by its path relative to it; absolute
 * paths, {@code ..} segments and links leading out of the folder are refused, so a request can never read an
 * arbitrary file of the server.
 */
@Singleton
public class ReplayDataDirectory {
    static final String DEFAULT = "../shared/data/market";

    private final Path root;

    public ReplayDataDirectory(@Value("${deleveraging.replay.data-dir:}") String configured) {
        Path candidate = Path.of(configured == null || configured.isBlank() ? DEFAULT : configured);
        this.root = Files.isDirectory(candidate) ? real(candidate) : null;
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** The folder, when it exists. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /**
     * The file a request names, inside the folder.
     *
     * @param field the request field, for the problem's field error ({@code prices[0].path})
     * @throws ProblemException 400 for a path outside the folder or a file that does not exist
     */
    public Path resolve(String relative, String field) {
        if (root == null) {
            throw bad(field, "no market data folder is configured on this server (deleveraging.replay.data-dir)");
        }
        if (relative == null || relative.isBlank()) {
            throw bad(field, "name a file relative to the market data folder");
        }
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw bad(field, "not a file path: " + e.getReason());
        }
        boolean escapes = path.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")
                || relative.contains("\\")
                || java.util.stream.StreamSupport.stream(path.spliterator(), false).anyMatch(p -> p.toString().equals(".."));
        if (escapes) {
            throw bad(field, "'" + relative + "' is not inside the market data folder: name a file relative to it, "
                    + "without '..' or a leading '/'");
        }
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || !Files.isRegularFile(resolved)) {
            throw bad(field, "no file '" + relative + "' in the market data folder");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(root)) {
                throw bad(field, "'" + relative + "' leads out of the market data folder");
            }
            return real;
        } catch (IOException e) {
            throw bad(field, "cannot read '" + relative + "': " + e.getMessage());
        }
    }

    private static ProblemException bad(String field, String message) {
        return ProblemException.badRequest(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }
}
