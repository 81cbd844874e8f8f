package com.deleverage.streaming;

import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/** The JSON of input events as a trading system writes it (docs/streaming.md), for tests and drills. */
public final class EventTexts {
    private EventTexts() {
    }

    public static String fill(String eventId, String account, Instant at, String symbol, BigDecimal quantity, BigDecimal price,
                              BigDecimal isolatedMargin) {
        ObjectNode node = base(eventId, at).put("type", "FILL").put("account", account).put("symbol", symbol)
                .put("quantity", quantity.toPlainString()).put("price", price.toPlainString());
        if (isolatedMargin != null) {
            node.put("isolatedMargin", isolatedMargin.toPlainString());
        }
        return node.toString();
    }

    public static String transfer(String eventId, String account, Instant at, BigDecimal amount) {
        return base(eventId, at).put("type", "TRANSFER").put("account", account).put("amount", amount.toPlainString()).toString();
    }

    public static String markPrice(String eventId, String symbol, Instant at, BigDecimal markPrice) {
        return base(eventId, at).put("symbol", symbol).put("markPrice", markPrice.toPlainString()).toString();
    }

    private static ObjectNode base(String eventId, Instant at) {
        return PlatformJson.mapper().createObjectNode().put("eventId", eventId).put("at", at.toString());
    }
}
