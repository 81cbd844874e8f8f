package com.deleverage.admin.policycli;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.ReferencePolicies;
import com.deleverage.admin.policycli.PolicyCli.Run;
import com.deleverage.engine.policy.PolicyFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code policy stage} and {@code policy fetch} over real HTTP against the platform on an embedded server. */
@MicronautTest(environments = "dev", transactional = false)
class StageFetchCommandTest {
    static final Map<String, String> AUTHOR = Map.of(PolicyCommand.PASSWORD_VARIABLE, "author-dev-password");

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @TempDir
    Path temp;

    String url() {
        return server.getURL().toString();
    }

    @Test
    void theReferencePolicyStagedAndFetchedBackIsByteIdentical() throws IOException {
        Path reference = ReferencePolicies.rules().resolve("deleveraging");

        Run staged = PolicyCli.run(AUTHOR, "stage", reference.toString(), "--ruleset", "cli-roundtrip",
                "--comment", "the reference policy, staged from its folder", "--url", url(), "--user", "author");

        assertThat(staged.exitCode()).as(staged.toString()).isEqualTo(0);
        assertThat(staged.outLines().get(0)).startsWith("cli-roundtrip version 1 VALIDATED sha256:");
        assertThat(staged.outLines().get(staged.outLines().size() - 1)).isEqualTo("0 errors, 0 warnings");

        Path fetched = temp.resolve("fetched");
        Run fetch = PolicyCli.run(AUTHOR, "fetch", "cli-roundtrip", "1", fetched.toString(), "--url", url(),
                "--user", "author");

        int files = PolicyFiles.fromDirectory(reference).size();
        String hash = staged.outLines().get(0).substring("cli-roundtrip version 1 VALIDATED ".length());
        assertThat(fetch.outLines()).containsExactly(
                "cli-roundtrip version 1 VALIDATED " + hash + ": " + files + " files written to " + fetched);
        assertThat(fetch.exitCode()).isEqualTo(0);
        assertThat(bytes(fetched)).isEqualTo(bytes(reference));
    }

    @Test
    void diffNamesTheParameterValuesAndFilesAFolderChangesAgainstAStoredVersion() throws IOException {
        Path reference = ReferencePolicies.rules().resolve("deleveraging");
        assertThat(PolicyCli.run(AUTHOR, "stage", reference.toString(), "--ruleset", "cli-diff", "--url", url(),
                "--user", "author").exitCode()).isEqualTo(0);
        Path variant = PolicyCli.write(temp.resolve("variant"), ReferencePolicies.binanceRankingVariant());

        Run same = PolicyCli.run(AUTHOR, "diff", reference.toString(), "--ruleset", "cli-diff", "--against", "1",
                "--url", url(), "--user", "author");
        Run differs = PolicyCli.run(AUTHOR, "diff", variant.toString(), "--ruleset", "cli-diff", "--against", "1",
                "--url", url(), "--user", "author");
        Run json = PolicyCli.run(AUTHOR, "diff", variant.toString(), "--ruleset", "cli-diff", "--against", "1",
                "--format", "json", "--url", url(), "--user", "author");

        assertThat(same.exitCode()).as(same.toString()).isEqualTo(0);
        assertThat(same.outLines()).singleElement().asString()
                .startsWith(reference + " holds exactly the files of cli-diff version 1 (sha256:");
        // The variant changes two values of parameters.yaml and brings its own two scenarios: both reference files
        // of those names are modified, the other 16 of the reference's 18 scenario files are removed: 1 + 2 + 16 = 19.
        assertThat(differs.exitCode()).as(differs.toString()).isEqualTo(1);
        assertThat(differs.outLines().get(0)).startsWith(variant + " against cli-diff version 1 (sha256:")
                .endsWith("): 2 parameters and 19 files differ");
        assertThat(differs.outLines().subList(1, 3)).containsExactly(
                "parameter adlRanking: BITMEX -> BINANCE", "parameter adlOnFundDrawdown: true -> false");
        assertThat(differs.outLines()).contains("--- v1/parameters.yaml", "+++ local/parameters.yaml",
                "-adlRanking: BITMEX          # BITMEX, BINANCE or HYPERLIQUID",
                "+adlRanking: BINANCE         # Binance: profit on wallet balance x margin ratio of the pool");
        JsonNode diff = new ObjectMapper().readTree(json.out());
        assertThat(diff.get("against").asInt()).isEqualTo(1);
        assertThat(diff.get("files")).hasSize(19);
        assertThat(diff.get("parameters").get(0).toString())
                .isEqualTo("{\"name\":\"adlRanking\",\"before\":\"BITMEX\",\"after\":\"BINANCE\"}");
    }

    @Test
    void aRejectedVersionPrintsItsFindingsAndExitsOne() {
        Path folder = PolicyCli.write(temp.resolve("broken"), Map.of("bad.drl", CheckCommandTest.BAD_DRL));

        Run run = PolicyCli.run(AUTHOR, "stage", folder.toString(), "--ruleset", "cli-rejected", "--url", url(),
                "--user", "author");

        List<String> lines = run.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("cli-rejected version 1 REJECTED sha256:");
        assertThat(lines.subList(1, 3)).containsExactly(CheckCommandTest.SYNTAX_ERROR_LINE, "1 error, 0 warnings");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void withoutThePasswordVariableNothingIsSent() {
        Run run = PolicyCli.run(Map.of(), "fetch", "deleveraging", "1", temp.resolve("x").toString(), "--url", url(),
                "--user", "author");

        assertThat(run.err()).startsWith("set POLICY_PASSWORD to the password of author");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void aRefusalPrintsTheServersDetail() {
        Run run = PolicyCli.run(AUTHOR, "fetch", "deleveraging", "99", temp.resolve("x").toString(), "--url", url(),
                "--user", "author");

        assertThat(run.err().strip()).isEqualTo("policy fetch failed: HTTP 404 from GET " + url()
                + "/api/v1/rulesets/deleveraging/versions/99: rule set 'deleveraging' has no version 99");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /** docs/writing-your-first-policy.md, "The policy command line": a folder goes in, an ACTIVE version comes out. */
    @Test
    void theFirstPolicyWalkthroughEndsWithAnActiveVersion() throws IOException {
        Path first = ReferencePolicies.rules().resolve("examples/first-policy");

        assertThat(PolicyCli.run("check", first.toString()).outLines()).containsExactly("0 errors, 0 warnings");
        assertThat(PolicyCli.run("test", first.toString()).outLines()).containsExactly(
                "PASS scenarios/first.yaml:2 Warn at 80%, liquidate at 100%",
                "1 scenario: 1 passed, 0 failed",
                "coverage: 2 of 2 rules fired (100.0%)");
        Run staged = PolicyCli.run(AUTHOR, "stage", first.toString(), "--ruleset", "first-policy", "--comment",
                "warn at 80%", "--user", "author", "--url", url(), "--format", "json");
        JsonNode version = new ObjectMapper().readTree(staged.out());
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("state").asText()).isEqualTo("VALIDATED");
        assertThat(version.get("comment").asText()).isEqualTo("warn at 80%");
        assertThat(version.has("files")).isFalse();
        assertThat(staged.exitCode()).isEqualTo(0);

        Api api = new Api(http);
        assertThat(api.post("/api/v1/rulesets/first-policy/versions/1/approve", User.APPROVER, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/rulesets/first-policy/versions/1/activate", User.OPERATOR, "").status()).isEqualTo(200);

        Path fetched = temp.resolve("first-policy");
        Run fetch = PolicyCli.run(AUTHOR, "fetch", "first-policy", "1", fetched.toString(), "--user", "author",
                "--url", url());
        assertThat(fetch.outLines()).containsExactly("first-policy version 1 ACTIVE " + version.get("hash").asText()
                + ": 2 files written to " + fetched);
        assertThat(bytes(fetched)).isEqualTo(bytes(first));

        Run again = PolicyCli.run(AUTHOR, "stage", fetched.toString(), "--ruleset", "first-policy", "--user", "author",
                "--url", url());
        assertThat(again.outLines()).containsExactly("first-policy version 1 ACTIVE " + version.get("hash").asText()
                + " (already staged: the same files)", "0 errors, 0 warnings");
    }

    @Test
    void fetchRefusesAFolderThatHasFiles() {
        Path folder = PolicyCli.write(temp.resolve("busy"), Map.of("mine.drl", "// someone's work"));

        Run run = PolicyCli.run(AUTHOR, "fetch", "deleveraging", "1", folder.toString(), "--url", url(), "--user", "author");

        assertThat(run.err()).startsWith("DIR " + folder + " exists and is not an empty folder");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    /** Every regular file under {@code folder}, by relative path, as raw bytes (as hex, so a mismatch reads well). */
    static Map<String, String> bytes(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }
}
