package com.deleverage.engine.json;

import com.deleverage.engine.evaluate.DecisionView;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The platform's one configured Jackson mapper for JSON it builds, stores and reads back itself (decisions,
 * reports, stored responses, data files): {@code java.time} values as ISO-8601 text, numbers with a fraction
 * read as exact {@link BigDecimal}s, never doubles. Shared and thread-safe: use it, never reconfigure it; a
 * mapper that needs more starts from {@link #rebuild()}. Requests are read by the stricter
 * {@link com.deleverage.engine.snapshot.SnapshotJson}, HTTP bodies by the framework's mapper.
 */
public final class PlatformJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PlatformJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder with the platform's configuration, for a mapper that adds to it. */
    public static JsonMapper.Builder rebuild() {
        return MAPPER.rebuild();
    }

    /** Every {@link BigDecimal} written as a plain string without trailing zeros ({@link DecisionView#plain}). */
    public static Module plainDecimals() {
        return new SimpleModule("plain-decimals").addSerializer(BigDecimal.class, new PlainDecimal());
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
