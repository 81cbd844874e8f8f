package com.deleverage.engine.parameters;

import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code parameters.yaml} as written: a flat mapping from parameter name to one scalar value on the key's
 * own line, comments anywhere. Read with the platform's bounded YAML settings (the scenario files' reader);
 * values are kept as the text written ({@code 0.30} stays {@code 0.30}), so a diff shows what the author wrote.
 *
 * @param entries  the values by name, in file order
 * @param problems what makes the file unreadable as a parameters table (empty when it is readable)
 */
record ParameterFile(Map<String, Entry> entries, List<Problem> problems) {

    /** One parameter as written: its value's text and the 1-based line of its key. */
    record Entry(String name, String value, int line) {
    }

    /** A reason the file is not a parameters table, at a line (0: the whole file). */
    record Problem(int line, String message) {
    }

    static ParameterFile read(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = SnapshotJson.yaml().mapper().getFactory().createParser(text)) {
            // A name given twice is reported with both lines, below, rather than as Jackson's bare message.
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ParameterFile(entries, problems);
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(new Problem(line(parser), "parameters.yaml must be a mapping of parameter names to values"));
                return new ParameterFile(entries, problems);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = line(parser);
                JsonToken value = parser.nextToken();
                if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                    problems.add(new Problem(line, "'" + name + "' must have one value on its own line, not "
                            + (value == JsonToken.VALUE_NULL ? "an empty value" : "a list or a mapping")));
                    parser.skipChildren();
                } else if (line(parser) != line) {
                    problems.add(new Problem(line, "the value of '" + name + "' must be on the same line as its name"));
                } else if (entries.containsKey(name)) {
                    problems.add(new Problem(line, "'" + name + "' is given twice (first on line "
                            + entries.get(name).line() + ")"));
                } else {
                    entries.put(name, new Entry(name, parser.getText(), line));
                }
            }
            if (parser.nextToken() != null) {
                problems.add(new Problem(line(parser), "parameters.yaml must hold one mapping, not several documents"));
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new Problem(0, "cannot be read: " + e.getMessage()));
        }
        return new ParameterFile(entries, problems);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
