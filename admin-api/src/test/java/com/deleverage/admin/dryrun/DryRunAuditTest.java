package com.deleverage.admin.dryrun;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.engine.compile.ContentHash;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run of a version nobody approved yet runs unreviewed code: it is audited (who, which version, its
 * hash) before it runs; once the version is approved, dry runs of it are not audited any more.
 */
@MicronautTest(environments = "dev", transactional = false)
class DryRunAuditTest {
    private static final String VERSIONS = "/api/v1/rulesets/deleveraging/versions";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aDryRunOfAnUnapprovedVersionIsAuditedBeforeItRuns() {
        Api api = new Api(http);
        Map<String, String> files = SeedPolicy.filesWithComment("dry-run audit");
        assertThat(api.post(VERSIONS, User.AUTHOR, SeedPolicy.stageRequest("dry-run audit", files)).status())
                .isEqualTo(201);

        Reply unapproved = api.post(VERSIONS + "/2/dry-run", User.AUTHOR, Snapshots.UNDER_MARGINED);
        assertThat(unapproved.status()).as(unapproved.toString()).isEqualTo(200);
        assertThat(dryRunEntries(api)).containsExactly("author DRY_RUN v2 " + ContentHash.of(files)
                + " dry run of unapproved v2 beside the active version on a snapshot of 2 accounts");

        assertThat(api.post(VERSIONS + "/2/approve", User.APPROVER, "").status()).isEqualTo(200);
        assertThat(api.post(VERSIONS + "/2/dry-run", User.APPROVER, Snapshots.UNDER_MARGINED).status()).isEqualTo(200);
        assertThat(dryRunEntries(api)).hasSize(1);
        assertThat(api.get("/api/v1/audit/verify", User.AUDITOR).json().get("valid").asBoolean()).isTrue();
    }

    private static List<String> dryRunEntries(Api api) {
        List<String> entries = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries")) {
            if (e.get("action").asText().equals("DRY_RUN")) {
                entries.add(e.get("actor").asText() + " DRY_RUN v" + e.get("version").asInt() + " "
                        + e.get("versionHash").asText() + " " + e.get("reason").asText());
            }
        }
        return entries;
    }
}
