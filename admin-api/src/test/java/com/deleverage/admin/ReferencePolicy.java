package com.deleverage.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.deleverage.engine.policy.PolicyFiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reference policy's files as shipped on the classpath, and stage requests built from them. */
public final class ReferencePolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferencePolicy() {
    }

    public static Map<String, String> files() {
        return PolicyFiles.fromClasspath("policies/deleveraging", ReferencePolicy.class.getClassLoader());
    }

    /** The reference files with a comment line appended to every DRL file: new content, same behaviour. */
    public static Map<String, String> filesWithComment(String comment) {
        Map<String, String> files = new LinkedHashMap<>(files());
        files.replaceAll((path, text) -> path.endsWith(".drl") ? text + "\n// " + comment + "\n" : text);
        return files;
    }

    public static String stageRequest(String comment, Map<String, String> files) {
        ObjectNode body = JSON.createObjectNode();
        body.put("comment", comment);
        ObjectNode fileNode = body.putObject("files");
        files.forEach(fileNode::put);
        return body.toString();
    }
}
