package com.deleverage.admin.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md documents every deleveraging.* setting with the default application.yml gives it, and
 * no table of that page names another default for it.
 */
class ConfigurationDocsTest {
    private static final Path OPERATIONS = Path.of("../docs/operations.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(deleveraging\\.[^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final String NONE = "(none)";

    @Test
    void everySettingIsInTheConfigurationTableWithItsDefault() throws IOException {
        Map<String, String> defaults = defaults();
        Map<String, String> documented = rows(section("## Configuration"));

        assertThat(defaults).isNotEmpty().allSatisfy((key, value) -> {
            if (value.equals(NONE) && documented.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
                return; // a map of named entries (security.users.<name>.*), documented entry by entry
            }
            assertThat(documented).as(key).containsEntry(key, value);
        });
        assertThat(documented).allSatisfy((key, value) -> {
            if (!defaults.containsKey(key)) {
                assertThat(value).as(key + " is in no application.yml, so it has no default").isEqualTo(NONE);
            }
        });
    }

    @Test
    void noOtherTableOfThePageGivesASettingAnotherDefault() throws IOException {
        Map<String, String> defaults = defaults();
        Matcher row = ROW.matcher(Files.readString(OPERATIONS));
        int checked = 0;
        while (row.find()) {
            String key = row.group(1);
            if (defaults.containsKey(key)) {
                assertThat(cell(row.group(2))).as(key).isEqualTo(defaults.get(key));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(defaults.size());
    }

    /** application.yml's deleveraging.* leaves, each as the table writes it; empty lists and maps: (none). */
    private static Map<String, String> defaults() throws IOException {
        try (InputStream in = ConfigurationDocsTest.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("deleveraging", yaml.get("deleveraging"), flat);
            return flat;
        }
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(prefix + "." + k, v, into));
        } else if (value instanceof Map<?, ?> || value instanceof Collection<?> c && c.isEmpty()) {
            into.put(prefix, NONE);
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static String section(String heading) throws IOException {
        String text = Files.readString(OPERATIONS);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 2);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static Map<String, String> rows(String text) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            rows.put(row.group(1), cell(row.group(2)));
        }
        return rows;
    }

    private static String cell(String text) {
        return text.strip().replace("`", "");
    }
}
