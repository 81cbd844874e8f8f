package com.deleverage.replay.book;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a book in the evaluation request's {@code accounts} shape: either a whole evaluation request (only
 * its {@code accounts} are used) or a bare JSON array of accounts. Same strict reading as snapshots
 * ({@link SnapshotJson}'s mapper): unknown fields, malformed decimals and missing fields are errors with
 * their path.
 */
public final class BookJson {
    private static final ObjectMapper MAPPER = SnapshotJson.json().mapper();

    private BookJson() {
    }

    public static List<Account> read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read book " + file, e);
        }
    }

    public static List<Account> read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode accounts = root.isArray() ? root : root.get("accounts");
            if (accounts == null || !accounts.isArray()) {
                throw new IllegalArgumentException("a book is a JSON array of accounts or an object with an 'accounts' array");
            }
            return List.copyOf(Arrays.asList(MAPPER.treeToValue(accounts, Account[].class)));
        } catch (JsonProcessingException e) {
            throw new InvalidSnapshotException(List.of(SnapshotJson.problemOf(e)));
        }
    }

    /** The book as a JSON array in the same shape, decimals as strings, for saving a generated book. */
    public static String write(List<Account> accounts) {
        try {
            return MAPPER.copy()
                    .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                    .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(accounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write book", e);
        }
    }
}
