package com.deleverage.admin;

import com.deleverage.engine.policy.PolicyFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference policy ({@code rules/deleveraging}), its Binance-ranking variant
 * ({@code rules/variants/adl-binance-ranking}, composed over it) and snapshots taken from the reference
 * scenarios, read from the repository whether the tests run from its root or from admin-api/.
 */
public final class ReferencePolicies {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ReferencePolicies() {
    }

    public static Path rules() {
        for (Path candidate : new Path[]{Path.of("rules"), Path.of("..", "rules")}) {
            if (Files.isDirectory(candidate.resolve("deleveraging"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the rules/ folder from " + Path.of("").toAbsolutePath());
    }

    /** The Binance-ranking variant as a full version: the reference with the variant's files laid over it. */
    public static Map<String, String> binanceRankingVariant() {
        return policyFiles(PolicyFiles.overlay(PolicyFiles.fromDirectory(rules().resolve("deleveraging")),
                PolicyFiles.fromDirectory(rules().resolve("variants/adl-binance-ranking"))));
    }

    /** The snapshot ({@code given}) of a reference scenario file's first document, as an evaluation request. */
    public static String scenarioSnapshot(String scenarioFile) {
        try {
            JsonNode scenario = YAML.readTree(Files.readString(rules().resolve("deleveraging/scenarios").resolve(scenarioFile)));
            ObjectNode given = (ObjectNode) scenario.get("given").deepCopy();
            ObjectNode request = new ObjectMapper().createObjectNode();
            request.put("ruleSet", "deleveraging");
            request.setAll(given);
            return request.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> policyFiles(Map<String, String> files) {
        Map<String, String> policy = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".drl") || path.endsWith(".yaml") || path.endsWith(".yml")) {
                policy.put(path, text);
            }
        });
        return policy;
    }
}
