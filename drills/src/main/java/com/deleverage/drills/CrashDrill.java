package com.deleverage.drills;

import com.deleverage.drills.PlatformClient.Reply;
import com.deleverage.drills.PlatformClient.User;
import com.deleverage.drills.PolicyOps.Version;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Crash consistency: runs the platform as a child process, and {@code kills} times puts it under
 * evaluations (several clients), back-to-back activations/rollbacks and refused approvals (concurrent
 * audit writers), kills it with SIGKILL ({@code kill -9}, {@link Process#destroyForcibly()}) at a random
 * moment, restarts it on the same database and checks:
 * <ul>
 *   <li>it serves the version the database records (an evaluation's stamp = the rule set's active
 *       version), and that version is the last acknowledged switch or the one in flight at the kill;</li>
 *   <li>{@code GET /api/v1/audit/verify} is valid;</li>
 *   <li>every acknowledged decision (200 with a decisionId) is in the log ({@code GET /decisions/{id}}).</li>
 * </ul>
 * Only the child it started is killed, by its PID. Loopback only.
 *
 * <pre>java -cp drills/target/drills.jar com.deleverage.drills.CrashDrill \
 *     --jar admin-api/target/deleveraging-platform.jar [--kills 20] [--data-dir DIR] [--port 18090] [--seed N]
 *     [-Dname=value ... passed to the platform, e.g. -Ddatasources.default.url=jdbc:postgresql://...]</pre>
 */
public final class CrashDrill {
    private final Random random;
    private final int clients;
    private final PlatformClient node;
    private final PlatformProcess process;

    /**
     * @param launch     the command that starts the platform after the JVM options, e.g.
     *                   {@code [java, -Xmx512m]} ... then {@code target}
     * @param target     {@code [-jar, platform.jar]} or {@code [-cp, classpath, com.deleverage.admin.Application]}
     * @param properties extra {@code -Dname=value} options for the platform
     */
    public CrashDrill(List<String> launch, List<String> target, List<String> properties, Path dataDir, int port,
                      long seed, int clients) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("-Dmicronaut.environments=dev", "-Dmicronaut.server.host=127.0.0.1",
                "-Dmicronaut.server.port=" + port, "-Ddeleveraging.data-dir=" + dataDir));
        command.addAll(properties);
        command.addAll(target);
        this.random = new Random(seed);
        this.clients = clients;
        this.node = new PlatformClient("http://127.0.0.1:" + port);
        this.process = new PlatformProcess(command, dataDir, node);
    }

    /** One kill and its checks. */
    public record Round(int round, long ranMillis, int acknowledgedDecisions, int acknowledgedSwitches,
                       int recordedVersion, int servedVersion, boolean auditValid, int missingDecisions) {
        boolean ok(int expectedA, Integer expectedB) {
            return recordedVersion == servedVersion && auditValid && missingDecisions == 0
                    && (recordedVersion == expectedA || (expectedB != null && recordedVersion == expectedB));
        }
    }

    public record Result(List<Round> rounds, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("RESULT kills=" + rounds.size() + " failures=" + failures.size());
            rounds.forEach(r -> text.append("\n  ").append(r));
            failures.forEach(f -> text.append("\n  FAILED: ").append(f));
            return text.toString();
        }
    }

    public Result run(int kills) throws Exception {
        List<Round> rounds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (process) {
            process.start();
            String ruleSet = "deleveraging";
            Version first = PolicyOps.active(node, ruleSet);
            Version second = PolicyOps.stageAndApprove(node, ruleSet, "crash drill",
                    PolicyOps.withComment(PolicyOps.files(node, ruleSet, first.number()), "crash drill " + System.nanoTime()));
            // Both versions active once, so that every later switch is a rollback to a RETIRED version.
            PlatformClient.expectOk(PolicyOps.activate(node, ruleSet, second.number()), "activate");
            PlatformClient.expectOk(PolicyOps.rollback(node, ruleSet, first.number(), "crash drill set-up"), "rollback");
            Map<Integer, String> hashes = Map.of(first.number(), first.hash(), second.number(), second.hash());
            int active = first.number();
            for (int round = 1; round <= kills; round++) {
                AtomicInteger acknowledged = new AtomicInteger(active);
                AtomicReference<Integer> inFlight = new AtomicReference<>();
                AtomicInteger switches = new AtomicInteger();
                long ranMillis = 300 + random.nextInt(2700);
                long seed = random.nextLong();
                EvaluationLoad load = new EvaluationLoad(node.base(), clients, hashes, true).start();
                Thread switcher = Thread.ofPlatform().name("crash-switcher").daemon().start(() ->
                        switchBackAndForth(ruleSet, first.number(), second.number(), acknowledged, inFlight, switches,
                                new Random(seed)));
                Thread refusals = Thread.ofPlatform().name("crash-refusals").daemon().start(() ->
                        refuseApprovals(ruleSet, first.number()));
                Thread.sleep(ranMillis);
                process.kill();
                switcher.join(10_000);
                refusals.join(10_000);
                load.close();
                List<String> ids = load.acknowledged();
                process.start();
                Version recorded = PolicyOps.active(node, ruleSet);
                JsonNode decision = PlatformClient.expectOk(node.post("/api/v1/evaluations", User.TRADER,
                        Snapshot.SINGLE_ACCOUNT), "evaluation after restart").json();
                int served = decision.path("version").asInt(-1);
                boolean auditValid = PlatformClient.expectOk(node.get("/api/v1/audit/verify", User.AUDITOR),
                        "audit verify").json().path("valid").asBoolean(false);
                int missing = 0;
                for (String id : ids) {
                    Reply reply = node.get("/api/v1/decisions/" + id, User.AUDITOR);
                    if (reply.status() != 200) {
                        missing++;
                        if (missing <= 3) {
                            failures.add("round " + round + ": acknowledged decision " + id + " answers " + reply.status());
                        }
                    }
                }
                Round result = new Round(round, ranMillis, ids.size(), switches.get(), recorded.number(), served,
                        auditValid, missing);
                rounds.add(result);
                if (!result.ok(acknowledged.get(), inFlight.get()) || !recorded.hash().equals(hashes.get(recorded.number()))
                        || !decision.path("versionHash").asText().equals(recorded.hash())) {
                    failures.add("round " + round + ": " + result + " (last acknowledged switch to v"
                            + acknowledged.get() + ", in flight: " + inFlight.get() + ")");
                }
                active = recorded.number();
                System.out.println(result);
            }
        }
        return new Result(rounds, failures);
    }

    private void switchBackAndForth(String ruleSet, int a, int b, AtomicInteger acknowledged,
                                    AtomicReference<Integer> inFlight, AtomicInteger switches, Random random) {
        try {
            while (process.isAlive()) {
                int target = acknowledged.get() == a ? b : a;
                inFlight.set(target);
                Reply reply = PolicyOps.rollback(node, ruleSet, target, "crash drill");
                if (reply.ok()) {
                    acknowledged.set(target);
                    switches.incrementAndGet();
                }
                inFlight.set(null);
                Thread.sleep(random.nextInt(300));
            }
        } catch (IOException | InterruptedException e) {
            // the node was killed under the request: the switch stays "in flight"
        }
    }

    /** Approving an already active or retired version is refused and audited: a concurrent audit writer. */
    private void refuseApprovals(String ruleSet, int version) {
        try {
            while (process.isAlive()) {
                node.post("/api/v1/rulesets/" + ruleSet + "/versions/" + version + "/approve", User.APPROVER, "{}");
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // killed
        }
    }

    public static void main(String[] args) throws Exception {
        String jar = null;
        int kills = 20;
        int port = 18090;
        int clients = 4;
        long seed = System.nanoTime();
        Path dataDir = null;
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("-D")) {
                        properties.add(args[i]);
                    } else {
                        System.err.println("unknown argument " + args[i]);
                        System.exit(2);
                    }
                }
            }
        }
        if (jar == null) {
            System.err.println("usage: CrashDrill --jar <platform jar> [--kills 20] [--port 18090] [--clients 4] "
                    + "[--seed N] [--data-dir DIR] [-Dname=value ...]");
            System.exit(2);
        }
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("crash-drill-");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.println("# crash drill: " + kills + " kills, seed " + seed + ", data and logs in " + dataDir);
        Result result = new CrashDrill(List.of(java, "-Xmx768m"), List.of("-jar", jar), properties, dataDir, port,
                seed, clients).run(kills);
        System.out.println(result);
        System.exit(result.ok() ? 0 : 1);
    }
}
