package com.deleverage.streaming;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.MarginMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The JSON of the input topics (docs/streaming.md), read strictly: a field the event type does not have, a
 * missing required field or a malformed value makes the whole event malformed, with the field named.
 */
final class EventJson {
    private static final ObjectMapper MAPPER = PlatformJson.mapper();
    private static final Set<String> FILL = Set.of("eventId", "type", "account", "at", "symbol", "quantity", "price", "isolatedMargin");
    private static final Set<String> TRANSFER = Set.of("eventId", "type", "account", "at", "amount");
    private static final Set<String> MARGIN_MODE = Set.of("eventId", "type", "account", "at", "marginMode");
    private static final Set<String> MARKET = Set.of("eventId", "symbol", "at", "markPrice", "indexPrice", "openInterest",
            "fundingPremium", "priceChangePct1h", "realizedVol1h");

    private EventJson() {
    }

    /** An event that cannot be read: it is skipped, logged and counted. */
    static final class MalformedEventException extends IllegalArgumentException {
        MalformedEventException(String message) {
            super(message);
        }
    }

    static AccountEvent account(String text) {
        JsonNode node = tree(text);
        String type = text(node, "type");
        return switch (type) {
            case "FILL" -> {
                only(node, FILL);
                yield new AccountEvent.Fill(text(node, "eventId"), text(node, "account"), instant(node), text(node, "symbol"),
                        decimal(node, "quantity", true), decimal(node, "price", true), decimal(node, "isolatedMargin", false));
            }
            case "TRANSFER" -> {
                only(node, TRANSFER);
                yield new AccountEvent.Transfer(text(node, "eventId"), text(node, "account"), instant(node),
                        decimal(node, "amount", true));
            }
            case "MARGIN_MODE" -> {
                only(node, MARGIN_MODE);
                String mode = text(node, "marginMode");
                try {
                    yield new AccountEvent.MarginModeChange(text(node, "eventId"), text(node, "account"), instant(node),
                            MarginMode.valueOf(mode));
                } catch (IllegalArgumentException e) {
                    throw new MalformedEventException("marginMode: '" + mode + "' is not CROSS or ISOLATED");
                }
            }
            default -> throw new MalformedEventException("type: '" + type + "' is not FILL, TRANSFER or MARGIN_MODE");
        };
    }

    /**
     * The version a staged stream switches to at this record of the market topic (a record a staged node writes:
     * {@code {"eventId", "ruleSet", "policyVersion"}}), or null when the record is anything else.
     */
    static Integer policyVersion(String text) {
        JsonNode node;
        try {
            node = text == null ? null : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        return node != null && node.isObject() && node.path("policyVersion").isInt() ? node.get("policyVersion").asInt() : null;
    }

    /** The record that switches a staged stream's rule set to {@code version}. */
    static String policyVersionRecord(String ruleSet, int version) {
        return MAPPER.createObjectNode().put("eventId", "policy-" + ruleSet + "-" + version + "-" + java.util.UUID.randomUUID())
                .put("ruleSet", ruleSet).put("policyVersion", version).toString();
    }

    static MarketEvent market(String text) {
        JsonNode node = tree(text);
        only(node, MARKET);
        return new MarketEvent(text(node, "eventId"), text(node, "symbol"), instant(node), decimal(node, "markPrice", false),
                decimal(node, "indexPrice", false), decimal(node, "openInterest", false),
                decimal(node, "fundingPremium", false), decimal(node, "priceChangePct1h", false),
                decimal(node, "realizedVol1h", false));
    }

    private static JsonNode tree(String text) {
        JsonNode node;
        try {
            node = text == null ? null : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event is a JSON object");
        }
        return node;
    }

    private static void only(JsonNode node, Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new MalformedEventException(name + ": not a field of this event");
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException(field + ": a non-blank string is required");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node) {
        String at = text(node, "at");
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("at: '" + at + "' is not an ISO-8601 instant");
        }
    }

    /** A decimal written as a string ("103441.3") or a JSON number. */
    private static BigDecimal decimal(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedEventException(field + ": is required");
            }
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            if (value.isTextual()) {
                return new BigDecimal(value.asText());
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new MalformedEventException(field + ": '" + value.asText() + "' is not a decimal number");
    }
}
