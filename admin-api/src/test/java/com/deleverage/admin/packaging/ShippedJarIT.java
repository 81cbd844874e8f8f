package com.deleverage.admin.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ships: target/deleveraging-platform.jar (built in the package phase, so this runs under failsafe)
 * holds no class of the operations drills (they live in the drills module) and no dev password: no entry
 * holds a demo user's password or the HTTP Basic header made of one, and the pattern of those passwords
 * ({@code <name>-dev-password}) appears only where the platform must know it: the guard that refuses them
 * outside the dev environment, and the dev environment's own configuration, which says so next to its
 * bcrypt hashes.
 */
class ShippedJarIT {
    private static final Path JAR = Path.of("target/deleveraging-platform.jar");
    private static final List<String> DEMO_USERS = List.of("author", "approver", "operator", "trader", "auditor");
    /** Entry name to its bytes as ISO-8859-1 text (class files' ASCII strings read as they are). */
    private static final Map<String, String> entries = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(JAR).isRegularFile();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void theJarIsThePlatformWithoutItsDrills() {
        assertThat(entries).containsKeys("com/deleverage/admin/Application.class", "application.yml",
                "application-dev.yml", "policies/deleveraging/liquidation.drl");
        assertThat(entries.keySet()).filteredOn(name -> name.startsWith("com/deleverage/")).noneMatch(name ->
                name.startsWith("com/deleverage/drills/") || name.startsWith("com/deleverage/admin/ops/")
                        || name.matches(".*/(\\w*Drill|EvaluationLoad|PlatformClient|PolicyOps)(\\$.*)?\\.class"));
    }

    @Test
    void noEntryHoldsADevPassword() {
        List<String> forbidden = new ArrayList<>();
        for (String user : DEMO_USERS) {
            String password = user + "-dev-password";
            forbidden.add(password);
            forbidden.add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(entries.get("com/deleverage/admin/replay/ReplayDataDirectory.class"))
                .as("the scan reads class files' strings").contains("deleveraging.replay.data-dir");
        for (String secret : forbidden) {
            assertThat(entries).as(secret).allSatisfy((name, text) -> assertThat(text).as(name).doesNotContain(secret));
        }
        List<String> naming = entries.entrySet().stream().filter(e -> e.getValue().contains("-dev-password"))
                .map(Map.Entry::getKey).toList();
        assertThat(naming).containsExactlyInAnyOrder("com/deleverage/admin/security/DefaultPasswordGuard.class",
                "application-dev.yml");
    }
}
