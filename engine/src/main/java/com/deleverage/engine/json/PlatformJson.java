package com.deleverage.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The platform's one Jackson configuration, and its one mapper for JSON it builds, stores and reads back
 * itself (decisions, reports, stored responses, data files): {@code java.time} values as ISO-8601 text,
 * numbers with a fraction read as exact {@link BigDecimal}s, never doubles. The mapper is shared and
 * thread-safe: use it, never reconfigure it; a mapper that needs more starts from {@link #rebuild()}, one of
 * another format (YAML) from {@link #configure}. The engine's strict request readers ({@code SnapshotJson})
 * add their checks to the same configuration; HTTP bodies are the framework's.
 */
public final class PlatformJson {
    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private PlatformJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder with the platform's configuration, for a JSON mapper that adds to it. */
    public static JsonMapper.Builder rebuild() {
        return MAPPER.rebuild();
    }

    /** The platform's configuration applied to a mapper builder of any format. */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Plain notation without trailing zeros: "1.5", "0", "103441.3", never "1.5E+3" or "1.50". */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Every {@link BigDecimal} written as a string in {@link #plain} notation. */
    public static Module plainDecimals() {
        return new SimpleModule("plain-decimals").addSerializer(BigDecimal.class, new PlainDecimal());
    }

    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(plain(value));
        }
    }
}
