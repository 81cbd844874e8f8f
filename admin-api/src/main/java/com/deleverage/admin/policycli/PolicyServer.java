package com.deleverage.admin.policycli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The two calls of docs/api.md the command line makes: stage a version ({@code POST /api/v1/rulesets/{name}/versions})
 * and read one ({@code GET /api/v1/rulesets/{name}/versions/{v}}). A refusal becomes an exception carrying the
 * problem's {@code detail}, so the user reads the server's own explanation.
 */
final class PolicyServer {
    /** Staging validates the version's scenarios before it answers: allow it time. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PolicyServer(URI base, String user, String password) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A version object as the API answers it; {@code created} is false when the same files were already staged. */
    record Answer(JsonNode version, boolean created) {
    }

    Answer stage(String ruleSet, String comment, Map<String, String> files) {
        ObjectNode body = PolicyJson.MAPPER.createObjectNode();
        if (comment != null) {
            body.put("comment", comment);
        }
        body.set("files", PolicyJson.MAPPER.valueToTree(files));
        HttpRequest request = request(versionsPath(ruleSet))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        return new Answer(json(response), response.statusCode() == 201);
    }

    JsonNode version(String ruleSet, int version) {
        return json(send(request(versionsPath(ruleSet) + "/" + version).GET().build()));
    }

    private String versionsPath(String ruleSet) {
        return "api/v1/rulesets/" + URLEncoder.encode(ruleSet, StandardCharsets.UTF_8) + "/versions";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach the platform at " + base + ": is it running?", e);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The body of a 2xx answer; otherwise the problem's detail as an exception (HTTP status first). */
    private static JsonNode json(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body().isEmpty() ? null : PolicyJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        int status = response.statusCode();
        if (status / 100 == 2 && body != null) {
            return body;
        }
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asText() : response.body();
        throw new IllegalStateException("HTTP " + status + " from " + response.request().method() + " "
                + response.request().uri() + ": " + detail);
    }
}
