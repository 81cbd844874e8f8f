package com.deleverage.engine.snapshot;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Snapshot;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads snapshots in the evaluation request's JSON shape (the API contract) or the same shape in YAML
 * (scenario files). Strict: unknown fields, unknown enum values, malformed numbers and missing required
 * fields are reported with the path of the offending field, and so are duplicate keys and decimals
 * beyond {@link BoundedDecimals}' bounds. Decimals may be JSON numbers or strings and are read exactly,
 * never through a double.
 */
public final class SnapshotJson {
    /** Jackson's message for a key met twice under STRICT_DUPLICATE_DETECTION. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private final ObjectMapper mapper;

    private SnapshotJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static final SnapshotJson JSON = new SnapshotJson(strict(JsonMapper.builder(jsonFactory())).build());
    private static final SnapshotJson YAML = new SnapshotJson(strict(YAMLMapper.builder()).build());

    /** The strict JSON reader, shared (its mapper is configured once and never changed). */
    public static SnapshotJson json() {
        return JSON;
    }

    /** The strict YAML reader (scenario files), shared. */
    public static SnapshotJson yaml() {
        return YAML;
    }

    /** The mapper, configured for the platform's decimal and time conventions, for callers that read the same shapes. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public Snapshot read(String text) {
        try {
            return mapper.readValue(text, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSnapshotException(List.of(problemOf(e)));
        }
    }

    public Snapshot read(JsonNode tree) {
        try {
            return mapper.treeToValue(tree, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSnapshotException(List.of(problemOf(e)));
        }
    }

    /** Turns a Jackson error into a problem naming the field, without Jackson's internals. */
    public static InputProblem problemOf(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        // Syntax errors met inside a field arrive wrapped in a mapping error that knows the path.
        JsonParseException syntax = e instanceof JsonParseException p ? p
                : e.getCause() instanceof JsonParseException p ? p : null;
        if (syntax != null) {
            Matcher duplicate = DUPLICATE.matcher(syntax.getOriginalMessage());
            if (duplicate.lookingAt()) {
                return new InputProblem(field.isEmpty() ? duplicate.group(1) : field + "." + duplicate.group(1),
                        "appears twice in the same object; send each field once");
            }
            String message = syntax.getOriginalMessage().replaceFirst("\\s*\\(for .*", "");
            return new InputProblem(field, "malformed JSON at line " + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + ": " + message);
        }
        if (!(e instanceof JsonMappingException)) {
            return new InputProblem(field, e.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InputProblem(field, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + java.util.Arrays.toString(target.getEnumConstants())
                    : (target == null ? "a valid value" : describe(target));
            return new InputProblem(field, "'" + format.getValue() + "' is not " + expected);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            String missing = cause == null ? null : cause.getMessage();
            return new InputProblem(field, missing == null ? "is invalid" : "'" + missing + "' is required");
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            return new InputProblem(field, "expected " + (target == null ? "another value" : describe(target)));
        }
        return new InputProblem(field, e.getOriginalMessage());
    }

    private static String describe(Class<?> type) {
        if (type == java.math.BigDecimal.class) {
            return "a decimal number (JSON number or string such as \"103441.3\")";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2025-10-10T21:15:00Z";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == Snapshot.class) {
            return "a JSON object (the snapshot)";
        }
        if (type == String.class) {
            return "a string";
        }
        // Records of the model and maps are JSON objects; their Java names mean nothing to a client.
        return "a JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JsonFactory jsonFactory() {
        JsonFactory factory = new JsonFactory();
        // A decimal with more than 200 digits is an attack or a bug, never a price.
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(200).build());
        return factory;
    }

    /** The platform's configuration ({@link PlatformJson#configure}) and the checks of a request reader. */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return PlatformJson.configure(builder)
                .addModule(BoundedDecimals.module())
                // {"walletBalance": "900", "walletBalance": "1000000"} must not mean whichever came last.
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
