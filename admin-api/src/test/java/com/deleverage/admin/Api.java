package com.deleverage.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A black-box client of the platform's HTTP API for tests: real HTTP, real authentication, and every
 * reply (2xx or not) returned as status, content type and parsed JSON body.
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    public Api(HttpClient client) {
        this.client = client;
    }

    /** A demo user of the dev environment. */
    public enum User {
        AUTHOR("author"), APPROVER("approver"), OPERATOR("operator"), TRADER("trader"), AUDITOR("auditor"),
        ANONYMOUS(null);

        private final String name;

        User(String name) {
            this.name = name;
        }

        public String username() {
            return name;
        }

        public String password() {
            return name + "-dev-password";
        }
    }

    public Reply get(String path, User user) {
        return send(HttpRequest.GET(path), user);
    }

    public Reply post(String path, User user, String jsonBody) {
        return send(HttpRequest.POST(path, jsonBody).contentType(MediaType.APPLICATION_JSON_TYPE), user);
    }

    /** A POST as a user who is not one of the demo users. */
    public Reply post(String path, String username, String password, String jsonBody) {
        MutableHttpRequest<?> request = HttpRequest.POST(path, jsonBody).contentType(MediaType.APPLICATION_JSON_TYPE);
        return send(request.basicAuth(username, password), User.ANONYMOUS);
    }

    public Reply send(MutableHttpRequest<?> request, User user) {
        if (user != User.ANONYMOUS) {
            request.basicAuth(user.username(), user.password());
        }
        request.accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
        try {
            return Reply.of(client.toBlocking().exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return Reply.of(e.getResponse());
        }
    }

    /** What came back. */
    public record Reply(int status, String contentType, String text, JsonNode json) {
        static Reply of(HttpResponse<?> response) {
            String text = response.getBody(String.class).orElse("");
            String type = response.getContentType().map(MediaType::toString).orElse("");
            return new Reply(response.code(), type, text, parse(text));
        }

        private static JsonNode parse(String text) {
            if (text.isBlank()) {
                return JSON.nullNode();
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }
}
