package com.deleverage.admin.request;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed request bodies over HTTP: a missing or out-of-range field, an unknown field, a duplicate key and a JSON
 * null are each a 400 problem+json naming the field, with the message written here by hand from the constraint or
 * the strict reader; nothing is changed (the requests below would otherwise start a shadow run or roll back).
 */
@MicronautTest(environments = "dev", transactional = false)
class TypedBodiesApiTest {
    private static final String SHADOW = "/api/v1/rulesets/deleveraging/shadow";
    private static final String ROLLBACK = "/api/v1/rulesets/deleveraging/rollback";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aMissingRequiredFieldIsA400NamingIt() {
        Reply noVersion = put(SHADOW, "{}");
        Reply noReason = api().post(ROLLBACK, User.OPERATOR, "{\"toVersion\": 1}");
        Reply blankReason = api().post(ROLLBACK, User.OPERATOR, "{\"reason\": \"  \"}");

        assertSingleError(noVersion, "version", "is required, a version number from 1");
        assertSingleError(noReason, "reason", "1 to 1000 characters");
        assertSingleError(blankReason, "reason", "1 to 1000 characters");
        assertThat(noReason.json().get("detail").asText()).isEqualTo("the request is invalid: reason: 1 to 1000 characters");
    }

    @Test
    void aValueOutOfItsRangeIsA400NamingIt() {
        Reply versionZero = put(SHADOW, "{\"version\": 0}");
        Reply longReason = api().post(ROLLBACK, User.OPERATOR, "{\"reason\": \"" + "r".repeat(1001) + "\"}");

        assertSingleError(versionZero, "version", "is required, a version number from 1");
        assertSingleError(longReason, "reason", "1 to 1000 characters");
    }

    @Test
    void everyOffendingQueryParameterIsListed() {
        Reply reply = api().get("/api/v1/audit?page=-1&size=501", User.AUDITOR);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asText() + ": " + e.get("message").asText())
                .containsExactly("page: out of range: 0 or more", "size: out of range: 1 to 500");
    }

    @Test
    void anUnknownFieldIsRefusedAsBefore() {
        Reply shadow = put(SHADOW, "{\"version\": 2, \"verison\": 3}");
        Reply rollback = api().post(ROLLBACK, User.OPERATOR, "{\"reason\": \"x\", \"to\": 1}");

        assertSingleError(shadow, "verison", "unknown field 'verison'");
        assertSingleError(rollback, "to", "unknown field 'to'");
        assertThat(shadow.json().get("detail").asText()).isEqualTo("the request body is invalid: verison: unknown field 'verison'");
    }

    @Test
    void aDuplicateKeyIsRefusedWhereverTheBodyIsRead() {
        Reply reply = api().post(ROLLBACK, User.OPERATOR, "{\"reason\": \"back\", \"reason\": \"forward\"}");

        assertSingleError(reply, "reason", "appears twice in the same object; send each field once");
    }

    @Test
    void aJsonNullOrAWrongTypeIsA400() {
        Reply jsonNull = put(SHADOW, "null");
        Reply text = put(SHADOW, "{\"version\": \"two\"}");

        assertThat(jsonNull.status()).as(jsonNull.toString()).isEqualTo(400);
        assertThat(jsonNull.isProblem()).isTrue();
        assertThat(jsonNull.json().get("detail").asText()).isEqualTo("the request body is JSON null; send a JSON object");
        assertSingleError(text, "version", "'two' is not a whole number");
    }

    private Api api() {
        return new Api(http);
    }

    private Reply put(String path, String body) {
        return api().send(HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON_TYPE), User.OPERATOR);
    }

    private static void assertSingleError(Reply reply, String field, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json().get("errors")).as(reply.toString()).hasSize(1);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(reply.json().get("errors").get(0).get("message").asText()).isEqualTo(message);
    }
}
