package com.deleverage.admin.ruleset;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 2: staging cannot silently drop the policy. The test platform's active v1 is the seed policy
 * (test-policies/margin). Staging only its edited parameters file as a whole version removes every other rule
 * and scenario: REMOVES_RULES, an error; the same edit as a change on top of v1 validates cleanly.
 */
@MicronautTest(environments = "dev", transactional = false, rebuildContext = true) // each test starts from the seed alone
class StagingChangesApiTest {
    private static final String RULE_SET = "/api/v1/rulesets/deleveraging";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void oneEditedFileStagedAsAWholeVersionIsRejectedForWhatItRemoves() throws Exception {
        Map<String, String> seed = SeedPolicy.files();
        String drlPath = seed.keySet().stream().filter(p -> p.endsWith(".drl")).sorted().findFirst().orElseThrow();
        Map<String, String> onlyOneFile = Map.of(drlPath, seed.get(drlPath) + "\n// edited\n");

        Reply staged = stage(JSON.createObjectNode().put("comment", "one file").set("files", JSON.valueToTree(onlyOneFile)));

        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        assertThat(staged.json().get("state").asText()).isEqualTo("REJECTED");
        JsonNode removal = staged.json().get("findings").get(0);
        assertThat(removal.get("code").asText()).isEqualTo("REMOVES_RULES");
        assertThat(removal.get("severity").asText()).isEqualTo("ERROR");
        assertThat(removal.get("message").asText()).startsWith("compared with the active version v1, this version "
                + "removes ").contains("scenario file").endsWith("or say \"allowRemovals\": true if the removal is "
                + "intended");
    }

    @Test
    void theSameEditAsAChangeOnTopOfTheActiveVersionValidatesAndKeepsEveryOtherFile() throws Exception {
        Map<String, String> seed = SeedPolicy.files();
        String drlPath = seed.keySet().stream().filter(p -> p.endsWith(".drl")).sorted().findFirst().orElseThrow();
        String edited = seed.get(drlPath) + "\n// edited\n";
        ObjectNode body = JSON.createObjectNode().put("comment", "one file, on top of v1").put("baseVersion", 1);
        body.set("changes", JSON.valueToTree(Map.of(drlPath, edited)));

        Reply staged = stage(body);

        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        assertThat(staged.json().get("state").asText()).as(staged.toString()).isEqualTo("VALIDATED");
        assertThat(staged.json().get("findings").findValuesAsText("code")).doesNotContain("REMOVES_RULES");
        Map<String, String> expected = new TreeMap<>(seed);
        expected.put(drlPath, edited);
        JsonNode files = api.get(RULE_SET + "/versions/" + staged.json().get("version").asInt(), User.AUDITOR)
                .json().get("files");
        assertThat(JSON.convertValue(files, Map.class)).isEqualTo(expected);
    }

    @Test
    void removalsTheAuthorAllowsAreAWarningAndDeletedFilesAreLeftOut() throws Exception {
        Map<String, String> seed = SeedPolicy.files();
        String scenario = seed.keySet().stream().filter(p -> p.startsWith("scenarios/")).sorted().findFirst()
                .orElseThrow();
        ObjectNode body = JSON.createObjectNode().put("baseVersion", 1).put("allowRemovals", true);
        body.set("deleted", JSON.valueToTree(List.of(scenario)));

        Reply staged = stage(body);

        assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
        JsonNode removal = staged.json().get("findings").get(0);
        assertThat(removal.get("code").asText()).isEqualTo("REMOVES_RULES");
        assertThat(removal.get("severity").asText()).isEqualTo("WARNING");
        assertThat(removal.get("message").asText()).isEqualTo("compared with the active version v1, this version "
                + "removes 1 scenario file ('" + scenario + "') (allowed by \"allowRemovals\": true)");
        JsonNode files = api.get(RULE_SET + "/versions/" + staged.json().get("version").asInt(), User.AUDITOR)
                .json().get("files");
        assertThat(files.has(scenario)).isFalse();
        assertThat(files.size()).isEqualTo(seed.size() - 1);
    }

    @Test
    void aChangeThatDoesNotFitItsBaseIsRefusedAndNothingIsStored() throws Exception {
        int before = api.get(RULE_SET + "/versions", User.AUDITOR).json().size();
        ObjectNode both = JSON.createObjectNode().put("baseVersion", 1);
        both.set("files", JSON.valueToTree(SeedPolicy.files()));
        ObjectNode noBase = JSON.createObjectNode();
        noBase.set("changes", JSON.valueToTree(Map.of("a.drl", "package a;")));
        ObjectNode unknownPath = JSON.createObjectNode().put("baseVersion", 1);
        unknownPath.set("deleted", JSON.valueToTree(List.of("no-such.drl")));
        ObjectNode unknownBase = JSON.createObjectNode().put("baseVersion", 99);
        unknownBase.set("deleted", JSON.valueToTree(List.of("no-such.drl")));

        Reply bothReply = stage(both);
        Reply noBaseReply = stage(noBase);
        Reply unknownPathReply = stage(unknownPath);
        Reply unknownBaseReply = stage(unknownBase);

        assertThat(bothReply.status()).isEqualTo(400);
        assertThat(bothReply.json().get("errors").get(0).get("field").asText()).isEqualTo("files");
        assertThat(noBaseReply.status()).isEqualTo(400);
        assertThat(noBaseReply.json().get("errors").get(0).get("field").asText()).isEqualTo("baseVersion");
        assertThat(unknownPathReply.status()).isEqualTo(400);
        assertThat(unknownPathReply.json().get("errors").get(0).get("message").asText())
                .isEqualTo("'no-such.drl' is not a file of v1");
        assertThat(unknownBaseReply.status()).isEqualTo(404);
        assertThat(unknownBaseReply.json().get("detail").asText())
                .isEqualTo("rule set 'deleveraging' has no version 99 to apply the change to");
        assertThat(api.get(RULE_SET + "/versions", User.AUDITOR).json().size()).isEqualTo(before);
    }

    private Reply stage(ObjectNode body) throws Exception {
        return api.post(RULE_SET + "/versions", User.AUTHOR, JSON.writeValueAsString(body));
    }
}
