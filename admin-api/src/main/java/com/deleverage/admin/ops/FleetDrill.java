package com.deleverage.admin.ops;

import com.deleverage.admin.ops.PolicyOps.Version;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Fleet propagation: two nodes sharing one database. Stages and approves a new version on node A, then
 * {@code rounds} times switches A between it and the original (an activation, then rollbacks) and
 * measures, for each switch, the time from A's activation response to the first decision of node B
 * stamped with the new version (B is asked for decisions back to back; every decision must carry a
 * version and its hash). Between rounds it waits {@code pauseMillis} so that the nodes prepare the next
 * candidate (as between two real activations).
 *
 * <pre>java -cp admin-api/target/deleveraging-platform.jar com.deleverage.admin.ops.FleetDrill \
 *     http://127.0.0.1:18081 http://127.0.0.1:18082 [rounds=10] [pauseMillis=5000]</pre>
 * Exits 1 when a switch took longer than 1 s to reach node B.
 */
public final class FleetDrill {
    public static final long TARGET_MILLIS = 1000;

    private FleetDrill() {
    }

    public record Result(List<Long> propagationMillis, long decisionsOnB) {
        public long worst() {
            return propagationMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        public long median() {
            List<Long> sorted = propagationMillis.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return "RESULT switches=" + propagationMillis.size() + " propagation_ms=" + propagationMillis
                    + " median_ms=" + median() + " worst_ms=" + worst() + " decisions_on_b=" + decisionsOnB
                    + " target_ms=" + TARGET_MILLIS;
        }
    }

    public static Result run(String urlA, String urlB, int rounds, long pauseMillis) throws Exception {
        PlatformClient a = new PlatformClient(urlA);
        PlatformClient b = new PlatformClient(urlB);
        String ruleSet = "deleveraging";
        Version original = PolicyOps.active(a, ruleSet);
        Version next = PolicyOps.stageAndApprove(a, ruleSet, "fleet drill " + System.currentTimeMillis(),
                PolicyOps.withComment(PolicyOps.files(a, ruleSet, original.number()), "fleet drill "
                        + System.nanoTime()));
        List<Long> propagation = new ArrayList<>();
        long decisions = 0;
        for (int round = 0; round < rounds; round++) {
            Thread.sleep(pauseMillis); // the fleet prepares the approved version or the rollback target
            Version target = round % 2 == 0 ? next : original;
            PlatformClient.Reply reply = round == 0
                    ? PolicyOps.activate(a, ruleSet, target.number())
                    : PolicyOps.rollback(a, ruleSet, target.number(), "fleet drill round " + (round + 1));
            PlatformClient.expectOk(reply, "switch on node A");
            long acknowledged = System.nanoTime();
            while (true) {
                JsonNode decision = PlatformClient.expectOk(b.post("/api/v1/evaluations", PlatformClient.User.TRADER,
                        Snapshot.SINGLE_ACCOUNT), "evaluation on node B").json();
                decisions++;
                int version = decision.path("version").asInt(-1);
                String hash = decision.path("versionHash").asText("");
                boolean known = (version == next.number() && hash.equals(next.hash()))
                        || (version == original.number() && hash.equals(original.hash()));
                if (!known) {
                    throw new IllegalStateException("node B answered with an unexpected version stamp: " + decision);
                }
                if (version == target.number()) {
                    propagation.add((System.nanoTime() - acknowledged) / 1_000_000);
                    break;
                }
                if (System.nanoTime() - acknowledged > 30_000_000_000L) {
                    throw new IllegalStateException("node B still serves v" + version + " 30 s after the switch");
                }
            }
        }
        return new Result(propagation, decisions);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FleetDrill <url of node A> <url of node B> [rounds=10] [pauseMillis=5000]");
            System.exit(2);
        }
        Result result = run(args[0], args[1], HotSwapDrill.arg(args, 2, 10), HotSwapDrill.arg(args, 3, 5000));
        System.out.println(result);
        System.exit(result.worst() <= TARGET_MILLIS ? 0 : 1);
    }
}
