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
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ships: target/deleveraging-platform.jar (built in the package phase, so this runs under failsafe)
 * holds no class of the operations drills (they live in the drills module) and, in no entry, a dev
 * password or the HTTP Basic header made of one. The dev environment's bcrypt hashes do ship
 * (application-dev.yml): a hash is not a password, and the platform refuses them outside dev.
 */
class ShippedJarIT {
    private static final Path JAR = Path.of("target/deleveraging-platform.jar");
    private static final List<String> DEMO_USERS = List.of("author", "approver", "operator", "trader", "auditor");
    private static final List<String> entries = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(JAR).isRegularFile();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.add(entry.getName());
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        texts.add(entry.getName() + "\n" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
    }

    @Test
    void theJarIsThePlatformWithoutItsDrills() {
        assertThat(entries).contains("com/deleverage/admin/Application.class", "application.yml",
                "application-dev.yml", "policies/deleveraging/liquidation.drl");
        assertThat(entries).filteredOn(name -> name.startsWith("com/deleverage/")).noneMatch(name ->
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
        assertThat(texts).as("the scan reads class files' strings").anyMatch(text ->
                text.startsWith("com/deleverage/admin/replay/ReplayDataDirectory.class\n")
                        && text.contains("deleveraging.replay.data-dir"));
        for (String secret : forbidden) {
            assertThat(texts).as(secret).noneMatch(text -> text.contains(secret));
        }
    }

}
