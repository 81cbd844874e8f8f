package com.deleverage.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client of one platform node for the operations drills (fleet, crash, hot swap): the JDK's
 * HTTP/1.1 client, HTTP Basic as the dev environment's demo users, JSON replies parsed. Loopback use.
 */
public final class PlatformClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A demo user of the dev environment ({@code <name>-dev-password}). */
    public enum User {
        AUTHOR, APPROVER, OPERATOR, TRADER, AUDITOR;

        String header() {
            String name = name().toLowerCase();
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + name + "-dev-password")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Status and body of a reply; {@code json} is null when the body is not JSON. */
    public record Reply(int status, String body, JsonNode json) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String base;
    private final HttpClient http;

    public PlatformClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    public String base() {
        return base;
    }

    public Reply get(String path, User user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    }

    public Reply post(String path, User user, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    private Reply send(HttpRequest.Builder request, User user) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (user != null) {
            request.header("Authorization", user.header());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new Reply(response.statusCode(), response.body(), json);
    }

    /** Whether {@code GET /health} answers 200. */
    public boolean healthy() {
        try {
            return get("/health", null).status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reply, or an exception naming the call when it is not 2xx. */
    static Reply expectOk(Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
