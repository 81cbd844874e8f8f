package com.deleverage.engine.scenario;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads scenario files: YAML, one scenario per document ({@code ---} separates several in one file).
 * A document has {@code name}, optional {@code description}, {@code given} (a snapshot in the evaluation
 * request's shape; {@code ruleSet} may be left out) and {@code expect}. See docs/policy-testing.md.
 */
public final class ScenarioReader {
    private static final Set<String> FIELDS = new java.util.TreeSet<>(List.of("description", "expect", "given", "name"));

    private final SnapshotJson yaml = SnapshotJson.yaml();

    /** The line of a top-level key at or after a scenario's first line, for pointing at a typo. */
    private static int lineOfKey(String text, String key, int from) {
        String[] lines = text.split("\\R", -1);
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return from;
    }

    /** Whether a file of a rule set version is a scenario file. */
    public static boolean isScenarioFile(String path) {
        return path.startsWith("scenarios/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    /**
     * @throws ScenarioFormatException with the file and line of the first malformed scenario
     */
    public List<Scenario> read(String file, String text) {
        ObjectMapper mapper = yaml.mapper();
        List<Scenario> scenarios = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                int line = parser.currentLocation().getLineNr();
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new ScenarioFormatException(file, line, "a scenario must be a mapping with name, given and expect");
                }
                JsonNode document = mapper.readerFor(JsonNode.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
                scenarios.add(toScenario(file, line, document, text));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioFormatException(file, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (scenarios.isEmpty()) {
            throw new ScenarioFormatException(file, 1, "holds no scenario");
        }
        return scenarios;
    }

    private Scenario toScenario(String file, int line, JsonNode document, String text) {
        document.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new ScenarioFormatException(file, lineOfKey(text, field, line), "unknown field '" + field
                        + "'; a scenario has " + FIELDS);
            }
        });
        String name = document.path("name").asText("");
        if (name.isBlank()) {
            throw new ScenarioFormatException(file, line, "the scenario needs a name");
        }
        if (!(document.get("given") instanceof ObjectNode given)) {
            throw new ScenarioFormatException(file, line, "scenario '" + name + "' needs a 'given' snapshot");
        }
        if (!(document.get("expect") instanceof ObjectNode expect)) {
            throw new ScenarioFormatException(file, line, "scenario '" + name + "' needs an 'expect' section");
        }
        Snapshot snapshot;
        try {
            snapshot = yaml.read(given);
        } catch (InvalidSnapshotException e) {
            throw new ScenarioFormatException(file, line, "scenario '" + name + "': given." + e.getMessage());
        }
        Expectations.check(expect, file, line, name);
        return new Scenario(file, line, name, snapshot, expect);
    }
}
