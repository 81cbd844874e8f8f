package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.engine.policy.PolicyFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every deliberately broken sample policy of rules/examples/broken/<finding-code>/ staged over HTTP: the
 * report carries the finding its folder is named after, and a sample with an error is REJECTED and can
 * be neither approved nor activated: the samples rule set never gets an active version.
 */
@MicronautTest(environments = "dev", transactional = false)
class BrokenSamplesApiTest {
    private static final Path SAMPLES = Path.of("../rules/examples/broken");

    @Inject
    @Client("/")
    HttpClient http;

    static Stream<String> samples() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            List<String> names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("broken samples in " + SAMPLES.toAbsolutePath()).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSampleIsReportedWithItsCodeAndNothingRejectedCanBeActivated(String sample) {
        Api api = new Api(http);
        String code = sample.toUpperCase(Locale.ROOT).replace('-', '_');

        Reply staged = api.post("/api/v1/rulesets/samples/versions", User.AUTHOR,
                SeedPolicy.stageRequest(sample, PolicyFiles.fromDirectory(SAMPLES.resolve(sample))));

        assertThat(staged.status()).as(staged.toString()).isIn(200, 201);
        JsonNode version = staged.json();
        JsonNode finding = null;
        for (JsonNode candidate : version.get("findings")) {
            if (candidate.get("code").asText().equals(code)) {
                finding = candidate;
            }
        }
        assertThat(finding).as(code + " in " + version.get("findings")).isNotNull();
        if (!finding.get("severity").asText().equals("ERROR")) {
            return;
        }
        assertThat(version.get("state").asText()).isEqualTo("REJECTED");
        String path = "/api/v1/rulesets/samples/versions/" + version.get("version").asInt();
        assertThat(api.post(path + "/approve", User.APPROVER, "").status()).isEqualTo(409);
        assertThat(api.post(path + "/activate", User.OPERATOR, "").status()).isEqualTo(409);
        assertThat(api.get(path, User.AUDITOR).json().get("state").asText()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/rulesets", User.AUDITOR).json())
                .filteredOn(ruleSet -> ruleSet.get("name").asText().equals("samples"))
                .allSatisfy(ruleSet -> assertThat(ruleSet.has("activeVersion")).isFalse());
    }
}
