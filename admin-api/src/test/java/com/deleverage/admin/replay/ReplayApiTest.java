package com.deleverage.admin.replay;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/replays} black-box over real HTTP, with the dev users: submit, poll, fetch the JSON and HTML
 * reports; cancel a long replay; one replay at a time here ({@code max-concurrent: 1}), so a second one gets
 * 429; a path out of the market data folder gets 400; a trader gets 403; every step is in the audit log.
 * The market data folder is a temporary copy of {@code replay/btc-5m.csv} plus a generated day of 1-minute
 * bars (the long replay).
 */
@MicronautTest(environments = "dev", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayApiTest implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path data = Files.createTempDirectory("replay-data");
            try (InputStream fixture = getClass().getClassLoader().getResourceAsStream("replay/btc-5m.csv")) {
                Files.copy(fixture, data.resolve("btc-5m.csv"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(data.resolve("btc-1m-day.csv"), dayOfMinuteBars());
            return Map.of("deleveraging.replay.data-dir", data.toString(), "deleveraging.replay.max-concurrent", "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 10 Oct 2025, 1,440 one-minute bars in the timestamp_ms layout: 5,760 ticks, a long replay. */
    static String dayOfMinuteBars() {
        StringBuilder csv = new StringBuilder("timestamp_ms,datetime_utc,open,high,low,close,volume\n");
        Instant start = Instant.parse("2025-10-10T00:00:00Z");
        long previous = 100_000;
        for (int i = 0; i < 1440; i++) {
            long close = 100_000 + Math.round(800 * Math.sin(i / 40.0));
            Instant t = start.plus(Duration.ofMinutes(i));
            csv.append(t.toEpochMilli()).append(',').append(t.toString().replace('T', ' ').replace("Z", "")).append(',')
                    .append(previous).append(',').append(Math.max(previous, close) + 20).append(',')
                    .append(Math.min(previous, close) - 20).append(',').append(close).append(",1\n");
            previous = close;
        }
        return csv.toString();
    }

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    static String warnOnlyVariant() {
        try (InputStream in = ReplayApiTest.class.getClassLoader().getResourceAsStream("replay/variants/warn-only/margin.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored version 1 (the tests' margin policy) against an inline variant laid over it that only warns. */
    static ObjectNode crashRequest() {
        ObjectNode body = JSON.createObjectNode();
        body.put("ruleSet", "deleveraging");
        body.putArray("versions").add(1);
        ObjectNode variant = body.putArray("policies").addObject();
        variant.put("label", "warn-only");
        variant.putObject("files").put("margin.drl", warnOnlyVariant());
        variant.put("overlay", true);
        ObjectNode prices = body.putArray("prices").addObject();
        prices.put("path", "btc-5m.csv");
        prices.put("symbol", "BTCUSDT");
        body.put("from", "2025-10-10T20:00:00Z");
        body.put("to", "2025-10-10T21:00:00Z");
        body.putObject("book").put("accounts", 60).put("seed", 7);
        body.put("insuranceFund", "1000");
        return body;
    }

    static ObjectNode longRequest() {
        ObjectNode body = crashRequest();
        body.remove("policies");
        ((ObjectNode) body.get("prices").get(0)).put("path", "btc-1m-day.csv");
        body.put("from", "2025-10-10T01:00:00Z");
        body.put("to", "2025-10-11T00:00:00Z");
        ((ObjectNode) body.get("book")).put("accounts", 2000);
        return body;
    }

    Reply awaitState(String location, User user, Predicate<String> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Reply reply = api.get(location, user);
        while (!done.test(reply.json().path("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            reply = api.get(location, user);
        }
        return reply;
    }

    List<JsonNode> auditRows(String jobId) {
        Reply audit = api.get("/api/v1/audit?size=500", User.AUDITOR);
        assertThat(audit.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        audit.json().get("entries").forEach(e -> {
            if (e.path("reason").asText().contains(jobId)) {
                rows.add(e);
            }
        });
        return rows;
    }

    @Test
    void submitPollAndFetchTheReports() throws Exception {
        Reply submitted = api.post("/api/v1/replays", User.AUTHOR, crashRequest().toString());

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        String location = "/api/v1/replays/" + id;
        assertThat(submitted.json().get("links").get("self").asText()).isEqualTo(location);
        assertThat(submitted.json().get("versions")).extracting(JsonNode::asText)
                .containsExactly("deleveraging v1", "warn-only");
        assertThat(submitted.json().get("submittedBy").asText()).isEqualTo("author");

        // Polled by the other role: authors and approvers both follow replays.
        Reply done = awaitState(location, User.APPROVER, s -> s.equals("SUCCEEDED") || s.equals("FAILED"));
        assertThat(done.json().get("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.json().get("progress").get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(done.json().get("links").get("report").asText()).isEqualTo(location + "/report");

        Reply report = api.get(location + "/report", User.AUTHOR);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/json");
        assertThat(report.json().get("ticks").asInt()).isEqualTo(48);
        assertThat(report.json().get("accounts").asInt()).isEqualTo(60);
        assertThat(report.json().get("conserved").asBoolean()).isTrue();
        assertThat(report.json().get("versions")).extracting(v -> v.get("label").asText())
                .containsExactly("deleveraging v1", "warn-only");
        assertThat(report.json().get("versions").get(0).get("totals").get("liquidations").asInt()).isPositive();
        assertThat(report.json().get("versions").get(1).get("totals").get("liquidations").asInt()).isZero();

        HttpResponse<String> html = http.toBlocking().exchange(HttpRequest.GET(location + "/report.html")
                .basicAuth("approver", "approver-dev-password").accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(html.code()).isEqualTo(200);
        assertThat(html.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/html"));
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<svg", "warn-only");

        assertThat(auditRows(id)).extracting(r -> r.get("action").asText() + " by " + r.get("actor").asText())
                .containsExactly("REPLAY_SUBMITTED by author", "REPLAY_COMPLETED by author");
    }

    @Test
    void aLongReplayIsCancelledAndASecondOneMeanwhileGets429() throws Exception {
        Reply submitted = api.post("/api/v1/replays", User.APPROVER, longRequest().toString());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        String location = "/api/v1/replays/" + id;

        Reply busy = api.post("/api/v1/replays", User.AUTHOR, crashRequest().toString());
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.isProblem()).isTrue();
        assertThat(busy.json().get("detail").asText()).contains("max-concurrent");

        Reply early = api.get(location + "/report", User.AUTHOR);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();

        Reply cancel = api.send(HttpRequest.DELETE(location), User.AUTHOR);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.json().get("cancelledBy").asText()).isEqualTo("author");

        Reply cancelled = awaitState(location, User.AUTHOR, ReplayState.CANCELLED.name()::equals);
        assertThat(cancelled.json().get("state").asText()).as(cancelled.toString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("progress").get("fraction").asDouble()).isLessThan(1.0);
        assertThat(api.get(location + "/report", User.AUTHOR).status()).isEqualTo(409);
        assertThat(api.send(HttpRequest.DELETE(location), User.AUTHOR).status()).isEqualTo(409);

        assertThat(auditRows(id)).extracting(r -> r.get("action").asText() + " by " + r.get("actor").asText())
                .containsExactly("REPLAY_SUBMITTED by approver", "REPLAY_CANCELLED by author");

        // The slot is free again as soon as the job is seen CANCELLED.
        Reply next = api.post("/api/v1/replays", User.AUTHOR, crashRequest().toString());
        assertThat(next.status()).as(next.toString()).isEqualTo(202);
        awaitState("/api/v1/replays/" + next.json().get("id").asText(), User.AUTHOR,
                s -> ReplayState.valueOf(s).finished());
    }

    @Test
    void aPathOutOfTheMarketDataFolderIsRefusedWith400() {
        for (String path : List.of("../btc-5m.csv", "sub/../../btc-5m.csv", "/etc/passwd", "nope.csv")) {
            ObjectNode body = crashRequest();
            ((ObjectNode) body.get("prices").get(0)).put("path", path);
            Reply reply = api.post("/api/v1/replays", User.AUTHOR, body.toString());

            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("prices[0].path");
            assertThat(reply.json().get("detail").asText()).doesNotContain(System.getProperty("java.io.tmpdir"));
        }
    }

    @Test
    void badRequestsNameTheirFields() {
        ObjectNode body = crashRequest();
        ((ArrayNode) body.get("versions")).removeAll().add(99);
        body.put("to", "2025-10-10T19:00:00Z");
        Reply reply = api.post("/api/v1/replays", User.AUTHOR, body.toString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("to", "versions[0]");

        Reply unknownField = api.post("/api/v1/replays", User.AUTHOR, "{\"bogus\": 1}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asText()).contains("unknown field 'bogus'");
    }

    @Test
    void tradersOperatorsAndAuditorsMayNotReplay() {
        for (User user : List.of(User.TRADER, User.OPERATOR, User.AUDITOR)) {
            Reply reply = api.post("/api/v1/replays", user, crashRequest().toString());
            assertThat(reply.status()).as(user.name()).isEqualTo(403);
            assertThat(reply.isProblem()).isTrue();
        }
        assertThat(api.get("/api/v1/replays/some-id", User.TRADER).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/replays", User.ANONYMOUS, crashRequest().toString()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/replays/no-such-job", User.AUTHOR).status()).isEqualTo(404);
    }
}
