package com.deleverage.admin.console;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The review page's dry run at the HTTP level, for what the browser test does not reach: a logged decision as
 * the source (which needs the AUDITOR role beside a dry-run role) and the refusals in words.
 */
@MicronautTest(environments = "dev", transactional = false)
// A reviewer who approves and audits; the demo author's password hash ("author-dev-password").
@Property(name = "deleveraging.security.users.reviewer.password-hash",
        value = "$2a$10$i1kIDDBsdTVBDWKxNJONj.1zMLk8v/LxAqJcoL7dUEfDuYmF2yYxu")
@Property(name = "deleveraging.security.users.reviewer.roles", value = "POLICY_APPROVER,AUDITOR")
class ReviewChecksTest {
    private static final String V1 = "/console/rulesets/deleveraging/versions/1";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aLoggedDecisionIsDryRunOnlyForSomeoneWhoMayReadTheDecisionLog() {
        String decision = new Api(http).post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json()
                .get("decisionId").asText();

        HttpClientResponseException author = assertThrows(HttpClientResponseException.class, () ->
                dryRun("author", MultipartBody.builder().addPart("decisionId", decision)));
        assertThat(author.getStatus().getCode()).isEqualTo(403);
        assertThat(author.getResponse().getBody(String.class).orElse(""))
                .contains("a dry run on one needs the AUDITOR role as well; upload the snapshot instead");

        // v1 is the active version: beside itself it decides the logged input exactly as it did.
        String reviewer = dryRun("reviewer", MultipartBody.builder().addPart("decisionId", decision));
        assertThat(reviewer).contains("v1 decides this snapshot exactly as the active version v1 does.");
    }

    @Test
    void neitherSourceBothSourcesOrAFileThatIsNoSnapshotAreRefusedInWords() {
        HttpClientResponseException neither = assertThrows(HttpClientResponseException.class, () ->
                dryRun("author", MultipartBody.builder().addPart("decisionId", "")));
        HttpClientResponseException both = assertThrows(HttpClientResponseException.class, () ->
                dryRun("reviewer", MultipartBody.builder().addPart("decisionId", "d-1")
                        .addPart("snapshot", "s.json", MediaType.APPLICATION_JSON_TYPE,
                                Snapshots.UNDER_MARGINED.getBytes(StandardCharsets.UTF_8))));
        HttpClientResponseException notJson = assertThrows(HttpClientResponseException.class, () ->
                dryRun("author", MultipartBody.builder().addPart("snapshot", "s.json", MediaType.APPLICATION_JSON_TYPE,
                        "{\"accounts\": \"none\"}".getBytes(StandardCharsets.UTF_8))));

        assertThat(neither.getStatus().getCode()).isEqualTo(400);
        assertThat(neither.getResponse().getBody(String.class).orElse(""))
                .contains("give either a logged decision&#39;s id or a snapshot file").contains("not neither");
        assertThat(both.getStatus().getCode()).isEqualTo(400);
        assertThat(both.getResponse().getBody(String.class).orElse("")).contains("not both");
        assertThat(notJson.getStatus().getCode()).isEqualTo(400);
        assertThat(notJson.getResponse().getBody(String.class).orElse("")).contains("the uploaded file is not a snapshot");
    }

    /** Signs {@code user} in and posts the review page's dry-run form with the session's CSRF token. */
    private String dryRun(String user, MultipartBody.Builder form) {
        String session = ConsoleSignIn.sessionToken(http, user, user.equals("reviewer") ? "author-dev-password"
                : user + "-dev-password");
        String page = http.toBlocking().retrieve(HttpRequest.GET(V1).cookie(Cookie.of("console-session", session)));
        Matcher csrf = ConsoleSignIn.FORM_TOKEN.matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answer = http.toBlocking().exchange(HttpRequest.POST(V1 + "/dry-run", form.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header(CsrfTokens.HEADER, csrf.group(1))
                .cookie(Cookie.of("console-session", session)), String.class);
        return answer.body();
    }
}
