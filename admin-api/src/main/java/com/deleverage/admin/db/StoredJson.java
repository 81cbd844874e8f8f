package com.deleverage.admin.db;

import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** JSON text the platform stored in the database (decisions, their inputs, differences), back to a tree; numbers stay exact. */
public final class StoredJson {
    private StoredJson() {
    }

    public static JsonNode parse(String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
