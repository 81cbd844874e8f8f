package com.deleverage.admin.evaluation;

import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.model.Snapshot;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of a snapshot: the parsed snapshot written back with fields in alphabetical order,
 * decimals as plain strings without trailing zeros, times in ISO-8601 UTC and no insignificant
 * whitespace. Two requests that mean the same snapshot ({@code 1900} or {@code "1900.0"}, fields in any
 * order, with or without {@code "isolatedMargin": null}) have the same canonical form and so the same
 * {@code inputHash}; the hash is what an Idempotency-Key is bound to.
 */
public final class CanonicalInput {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalInput() {
    }

    public static String json(Snapshot snapshot) {
        try {
            return CANONICAL.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed snapshot always serialises", e);
        }
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical form's UTF-8 bytes. */
    public static String hash(Snapshot snapshot) {
        return sha256(json(snapshot));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DecisionView.plain(value));
        }
    }
}
