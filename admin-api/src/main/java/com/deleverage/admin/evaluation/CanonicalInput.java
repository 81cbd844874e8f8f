package com.deleverage.admin.evaluation;

import com.deleverage.engine.hash.Sha256;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;


/**
 * The canonical form of a snapshot: the parsed snapshot written back with fields in alphabetical order,
 * decimals as plain strings without trailing zeros, times in ISO-8601 UTC and no insignificant
 * whitespace. Two requests that mean the same snapshot ({@code 1900} or {@code "1900.0"}, fields in any
 * order, with or without {@code "isolatedMargin": null}) have the same canonical form and so the same
 * {@code inputHash}; the hash is what an Idempotency-Key is bound to.
 */
public final class CanonicalInput {
    private static final ObjectMapper CANONICAL = PlatformJson.rebuild()
            .addModule(PlatformJson.plainDecimals())
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
        return Sha256.tagged(json(snapshot));
    }

}
