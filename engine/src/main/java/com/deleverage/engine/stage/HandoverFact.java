package com.deleverage.engine.stage;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One fact handed from the account stage to the market stage: its declared type's simple name and its fields
 * (values: String, BigDecimal, Integer, Long, Boolean, or an enum's name as String; null allowed).
 */
public record HandoverFact(String type, SortedMap<String, Object> fields) {
    public HandoverFact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
        fields.forEach((name, value) -> {
            if (value != null && !(value instanceof String || value instanceof BigDecimal || value instanceof Integer
                    || value instanceof Long || value instanceof Boolean)) {
                throw new IllegalArgumentException("field '" + name + "' of the hand-over fact " + type + " is of type "
                        + value.getClass().getSimpleName() + "; a hand-over field holds a String, BigDecimal, Integer,"
                        + " Long, Boolean or an enum's name");
            }
        });
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }
}
