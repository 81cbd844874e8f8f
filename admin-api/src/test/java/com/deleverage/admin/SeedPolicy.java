package com.deleverage.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.deleverage.engine.policy.PolicyFiles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy the tests seed as version 1 (test-policies/margin: the margin rules of the first reference
 * policy and their scenarios), and stage requests built from it.
 */
public final class SeedPolicy {
    public static final String FOLDER = "test-policies/margin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedPolicy() {
    }

    public static Map<String, String> files() {
        return PolicyFiles.fromClasspath(FOLDER, SeedPolicy.class.getClassLoader());
    }

    /** The seed files with a comment line appended to every DRL file: new content, same behaviour. */
    public static Map<String, String> filesWithComment(String comment) {
        Map<String, String> files = new LinkedHashMap<>(files());
        files.replaceAll((path, text) -> path.endsWith(".drl") ? text + "\n// " + comment + "\n" : text);
        return files;
    }

    public static String stageRequest(String comment, Map<String, String> files) {
        return body(comment, files).toString();
    }

    /**
     * A stage request whose files replace the active version's on purpose (a variant with its own scenario
     * set): it says {@code allowRemovals}, or validation refuses it with REMOVES_RULES.
     */
    public static String stageRequestReplacingFiles(String comment, Map<String, String> files) {
        return body(comment, files).put("allowRemovals", true).toString();
    }

    private static ObjectNode body(String comment, Map<String, String> files) {
        ObjectNode body = JSON.createObjectNode();
        body.put("comment", comment);
        ObjectNode fileNode = body.putObject("files");
        files.forEach(fileNode::put);
        return body;
    }
}
