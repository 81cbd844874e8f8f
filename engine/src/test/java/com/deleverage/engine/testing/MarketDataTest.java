package com.deleverage.engine.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** market-data/SOURCES.md lists exactly the folder's files, with their SHA-256. */
class MarketDataTest {
    private static final Pattern CHECKSUM_LINE = Pattern.compile("^([0-9a-f]{64})  (\\S+)$", Pattern.MULTILINE);

    @Test
    void sourcesListsEveryBundledFileWithItsChecksum() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        Matcher line = CHECKSUM_LINE.matcher(Files.readString(MarketData.DIR.resolve("SOURCES.md")));
        while (line.find()) {
            listed.put(line.group(2), line.group(1));
        }
        Map<String, String> bundled = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MarketData.DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = MarketData.DIR.relativize(file).toString().replace('\\', '/');
                if (!name.equals("SOURCES.md")) {
                    bundled.put(name, sha256(file));
                }
            }
        }
        assertThat(bundled).hasSize(5).isEqualTo(listed);
        assertThat(bundled).containsKeys(MarketData.DIR.relativize(MarketData.COINM_1M_10_OCT).toString(),
                MarketData.DIR.relativize(MarketData.USDM_5M).toString(),
                MarketData.DIR.relativize(MarketData.MARK_1H).toString(),
                MarketData.DIR.relativize(MarketData.MARK_8H).toString(),
                MarketData.DIR.relativize(MarketData.BRACKETS).toString().replace('\\', '/'));
    }

    @Test
    void theRootIsFoundFromAModuleFolderAndNowhereElse(@TempDir Path elsewhere) {
        assertThat(MarketData.repo(MarketData.REPO.resolve("engine/src/test"))).isEqualTo(MarketData.REPO);
        assertThat(MarketData.repo(MarketData.REPO)).isEqualTo(MarketData.REPO);
        assertThatThrownBy(() -> MarketData.repo(elsewhere)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(elsewhere.toString());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
