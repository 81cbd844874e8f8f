package com.deleverage.engine.policy;

import com.deleverage.engine.parameters.ParameterTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the files of a policy (DRL and scenario files) from a folder on disk or on the classpath, keyed
 * by their path relative to that folder with '/' separators: the shape a rule set version stores.
 */
public final class PolicyFiles {
    private static final String SCENARIOS = "scenarios/";
    private PolicyFiles() {
    }

    /** Files of a folder, recursively; hidden files are skipped. */
    public static Map<String, String> fromDirectory(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!relative.startsWith(".") && !relative.contains("/.")) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy files under " + root, e);
        }
        return files;
    }

    /**
     * A variant of a policy: the base policy's files with the variant's files laid over them. A variant
     * file replaces the base file of the same path, except {@code parameters.yaml}, whose values replace the
     * base's value by value ({@link ParameterTable#override}); when the variant has scenarios of its own, they
     * replace the base's scenarios (the base's would test the base's decisions, not the variant's).
     */
    public static Map<String, String> overlay(Map<String, String> base, Map<String, String> variant) {
        boolean ownScenarios = variant.keySet().stream().anyMatch(path -> path.startsWith(SCENARIOS));
        Map<String, String> files = new TreeMap<>();
        base.forEach((path, text) -> {
            if (!(ownScenarios && path.startsWith(SCENARIOS))) {
                files.put(path, text);
            }
        });
        files.putAll(variant);
        String baseParameters = base.get(ParameterTable.FILE);
        String variantParameters = variant.get(ParameterTable.FILE);
        if (baseParameters != null && variantParameters != null) {
            files.put(ParameterTable.FILE, ParameterTable.override(baseParameters, variantParameters));
        }
        return files;
    }

    /** Files of a classpath folder, whether it is a directory (IDE, tests) or inside a jar (the platform). */
    public static Map<String, String> fromClasspath(String folder, ClassLoader loader) {
        URL url = loader.getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("no policy folder '" + folder + "' on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return fromDirectory(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return fromDirectory(jar.provider().getPath(uri));
            } catch (FileSystemAlreadyExistsException openElsewhere) {
                return fromDirectory(Path.of(uri));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read policy folder '" + folder + "' from " + url, e);
        }
    }
}
