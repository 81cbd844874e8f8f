package com.deleverage.engine.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every decimal of a request is refused while it is read when it has more than {@value #MAX_FRACTION_DIGITS}
 * digits after the decimal point or more than {@value #MAX_INTEGER_DIGITS} before it (trailing zeros do
 * not count). Length alone is no bound: {@code 1E-9999999} is ten characters, parses in microseconds, and
 * then makes every multiplication and division the engine does with it carry ten million digits (the red
 * team's evaluation took 50 s). With these bounds no input decimal has more than 38 significant digits
 * or an exponent beyond ±20, so the cost of the arithmetic on it is bounded.
 */
final class BoundedDecimals {
    /** Digits after the point: a satoshi is 8, the smallest rate any venue quotes well under 18. */
    static final int MAX_FRACTION_DIGITS = 18;
    /** Digits before the point: 10^20 quote units is far beyond any balance, price or notional. */
    static final int MAX_INTEGER_DIGITS = 20;

    private BoundedDecimals() {
    }

    /** A Jackson module that reads every {@link BigDecimal} through the bounds. */
    static SimpleModule module() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new Deserializer());
    }

    /** What is wrong with {@code value}, or null when it is within the bounds. */
    static String violation(BigDecimal value) {
        // stripTrailingZeros is linear in the digits (at most the parser's 200), whatever the exponent.
        BigDecimal stripped = value.stripTrailingZeros();
        long fraction = Math.max(stripped.scale(), 0);
        long integer = (long) stripped.precision() - stripped.scale();
        if (fraction > MAX_FRACTION_DIGITS) {
            return "has " + fraction + " digits after the decimal point; at most " + MAX_FRACTION_DIGITS
                    + " are accepted";
        }
        if (integer > MAX_INTEGER_DIGITS) {
            return "has " + integer + " digits before the decimal point; at most " + MAX_INTEGER_DIGITS
                    + " are accepted";
        }
        return null;
    }

    private static final class Deserializer extends StdScalarDeserializer<BigDecimal> {
        Deserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            String violation = value == null ? null : violation(value);
            if (violation != null) {
                throw JsonMappingException.from(parser, violation);
            }
            return value;
        }
    }
}
