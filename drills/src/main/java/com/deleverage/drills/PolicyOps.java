package com.deleverage.drills;

import com.deleverage.drills.PlatformClient.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy life-cycle steps over the API, as the drills need them (each by the role the four-eyes rule
 * asks for), and the generator of large versions.
 */
public final class PolicyOps {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private PolicyOps() {
    }

    /** A version as the API shows it: number and hash. */
    public record Version(int number, String hash) {
    }

    /** The active version of the rule set, as the database records it. */
    public static Version active(PlatformClient node, String ruleSet) throws IOException, InterruptedException {
        for (JsonNode summary : PlatformClient.expectOk(node.get("/api/v1/rulesets", User.AUDITOR), "list rule sets").json()) {
            if (summary.path("name").asText().equals(ruleSet) && summary.hasNonNull("activeVersion")) {
                return new Version(summary.get("activeVersion").asInt(), summary.path("activeHash").asText());
            }
        }
        throw new IllegalStateException("rule set " + ruleSet + " has no active version on " + node.base());
    }

    public static Map<String, String> files(PlatformClient node, String ruleSet, int version)
            throws IOException, InterruptedException {
        JsonNode files = PlatformClient.expectOk(node.get("/api/v1/rulesets/" + ruleSet + "/versions/" + version,
                User.AUDITOR), "read version").json().get("files");
        Map<String, String> result = new LinkedHashMap<>();
        files.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    /** Stages the files as the author and approves them as the approver; the new version, APPROVED. */
    public static Version stageAndApprove(PlatformClient node, String ruleSet, String comment, Map<String, String> files)
            throws IOException, InterruptedException {
        ObjectNode body = PlatformClient.JSON.createObjectNode();
        body.put("comment", comment);
        ObjectNode fileNode = body.putObject("files");
        files.forEach(fileNode::put);
        JsonNode staged = PlatformClient.expectOk(node.post("/api/v1/rulesets/" + ruleSet + "/versions", User.AUTHOR,
                body.toString()), "stage").json();
        if (!staged.path("state").asText().equals("VALIDATED")) {
            throw new IllegalStateException("staged version is " + staged.path("state").asText() + ": "
                    + staged.path("findings"));
        }
        int number = staged.get("version").asInt();
        PlatformClient.expectOk(node.post("/api/v1/rulesets/" + ruleSet + "/versions/" + number + "/approve",
                User.APPROVER, "{}"), "approve");
        return new Version(number, staged.get("hash").asText());
    }

    public static PlatformClient.Reply activate(PlatformClient node, String ruleSet, int version)
            throws IOException, InterruptedException {
        return node.post("/api/v1/rulesets/" + ruleSet + "/versions/" + version + "/activate", User.OPERATOR, "{}");
    }

    public static PlatformClient.Reply rollback(PlatformClient node, String ruleSet, int toVersion, String reason)
            throws IOException, InterruptedException {
        return node.post("/api/v1/rulesets/" + ruleSet + "/rollback", User.OPERATOR,
                "{\"toVersion\": " + toVersion + ", \"reason\": \"" + reason + "\"}");
    }

    /** The files with a comment line appended to every DRL file: a new version, the same behaviour. */
    public static Map<String, String> withComment(Map<String, String> files, String comment) {
        Map<String, String> result = new LinkedHashMap<>(files);
        result.replaceAll((path, text) -> path.endsWith(".drl") ? text + "\n// " + comment + "\n" : text);
        return result;
    }

    public static int ruleCount(Map<String, String> files) {
        int rules = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith(".drl")) {
                Matcher matcher = RULE.matcher(file.getValue());
                while (matcher.find()) {
                    rules++;
                }
            }
        }
        return rules;
    }

    /**
     * The policy plus generated rules in a file of their own ({@code generated-watch-list.drl}) so that the
     * version has {@code totalRules} rules: real rules the compiler, linter and scenarios handle like any
     * other (each joins a market by symbol and tests its mark price against a threshold), harmless because
     * they match only markets named {@code WATCH-<n>}, which no snapshot of the policy's scenarios holds,
     * and because their consequence only inserts a fact of the file's own declared type that no other rule
     * reads. {@code salt} changes the file's content (and so the version's hash) without changing behaviour.
     */
    public static Map<String, String> withGeneratedRules(Map<String, String> files, int totalRules, String salt) {
        int existing = ruleCount(files);
        int generated = Math.max(0, totalRules - existing);
        String pkg = files.entrySet().stream().filter(e -> e.getKey().endsWith(".drl"))
                .map(e -> PACKAGE.matcher(e.getValue())).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no DRL file with a package line"));
        StringBuilder drl = new StringBuilder();
        drl.append("// GENERATED (PolicyOps.withGeneratedRules, ").append(salt).append("): ").append(generated)
                .append(" watch-list rules for load and hot-swap tests. Each matches only the market WATCH-<n>,\n")
                .append("// which no real snapshot holds, and records a WatchListHit that no other rule reads.\n")
                .append("package ").append(pkg).append(";\n\n")
                .append("import com.deleverage.engine.model.Market;\n\n")
                .append("declare WatchListHit\n    symbol : String\n    rule : int\nend\n\n");
        for (int i = 1; i <= generated; i++) {
            String symbol = String.format("WATCH-%04d", i);
            drl.append("rule \"Watch list ").append(i).append(": ").append(symbol).append(" mark price above ")
                    .append(1000 + i).append("\"\n")
                    .append("when\n")
                    .append("    $m : Market( symbol == \"").append(symbol).append("\", markPrice > ").append(1000 + i)
                    .append(" )\n")
                    .append("then\n")
                    .append("    insert(new WatchListHit($m.symbol(), ").append(i).append("));\n")
                    .append("end\n\n");
        }
        Map<String, String> result = new LinkedHashMap<>(files);
        result.put("generated-watch-list.drl", drl.toString());
        return result;
    }
}
