package com.deleverage.drills;

import com.deleverage.drills.PolicyOps.Version;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Fleet propagation: two nodes sharing one database. Stages and approves a new version on node A, then
 * {@code rounds} times switches A between it and the original (an activation, then rollbacks). After each
 * switch it asks node B for decisions back to back until one is stamped with the new version, then for
 * {@value #CONFIRMATIONS} more, and records every stamp in order (each decision must carry a known
 * version with that version's own hash) and the time from A's response to B's first new stamp. Between
 * rounds it waits {@code pauseMillis} so that the nodes prepare the next candidate (as between two real
 * activations).
 *
 * <pre>drills/ops/fleet.sh   (java -cp drills/target/drills.jar com.deleverage.drills.FleetDrill \
 *     http://127.0.0.1:18081 http://127.0.0.1:18082 [rounds=10] [pauseMillis=5000])</pre>
 * Exits 1 when a switch took longer than {@value #TARGET_MILLIS} ms to reach node B: the timing is the
 * long form's measurement; the short form (FleetPropagationIT) asserts the order of the stamps only.
 */
public final class FleetDrill {
    public static final long TARGET_MILLIS = 1000;
    /** Decisions asked of node B after its first one with the new version: they must all keep it. */
    public static final int CONFIRMATIONS = 3;
    /** Not a measurement: how long node B may keep the old version before the drill gives up (a hung fleet). */
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private FleetDrill() {
    }

    /**
     * One switch as node B saw it.
     *
     * @param from              the version active before the switch
     * @param to                the version switched to on node A
     * @param stamps            the versions of node B's decisions after A's response, in order
     * @param propagationMillis from A's response to B's first decision stamped {@code to}
     */
    public record Round(int from, int to, List<Integer> stamps, long propagationMillis) {
        /** Whether B answered with {@code from} until it answered with {@code to}, and with {@code to} ever after. */
        public boolean switchedOnceInOrder() {
            int first = stamps.indexOf(to);
            return first >= 0 && stamps.subList(0, first).stream().allMatch(v -> v == from)
                    && stamps.subList(first, stamps.size()).stream().allMatch(v -> v == to);
        }
    }

    public record Result(List<Round> rounds, long decisionsOnB) {
        public List<Long> propagationMillis() {
            return rounds.stream().map(Round::propagationMillis).toList();
        }

        public long worst() {
            return propagationMillis().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        public long median() {
            List<Long> sorted = propagationMillis().stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return "RESULT switches=" + rounds.size() + " propagation_ms=" + propagationMillis()
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
        List<Round> result = new ArrayList<>();
        long decisions = 0;
        for (int round = 0; round < rounds; round++) {
            Thread.sleep(pauseMillis); // the fleet prepares the approved version or the rollback target
            Version target = round % 2 == 0 ? next : original;
            Version before = round % 2 == 0 ? original : next;
            PlatformClient.Reply reply = round == 0
                    ? PolicyOps.activate(a, ruleSet, target.number())
                    : PolicyOps.rollback(a, ruleSet, target.number(), "fleet drill round " + (round + 1));
            PlatformClient.expectOk(reply, "switch on node A");
            long acknowledged = System.nanoTime();
            long propagation = -1;
            List<Integer> stamps = new ArrayList<>();
            int confirmations = 0;
            while (confirmations < CONFIRMATIONS) {
                int version = stamp(b, next, original);
                decisions++;
                stamps.add(version);
                if (propagation >= 0) {
                    confirmations++;
                } else if (version == target.number()) {
                    propagation = (System.nanoTime() - acknowledged) / 1_000_000;
                } else if (System.nanoTime() - acknowledged > GIVE_UP_NANOS) {
                    throw new IllegalStateException("node B still serves v" + version + " "
                            + GIVE_UP_NANOS / 1_000_000_000 + " s after the switch to v" + target.number());
                }
            }
            result.add(new Round(before.number(), target.number(), List.copyOf(stamps), propagation));
        }
        return new Result(List.copyOf(result), decisions);
    }

    /** The version of one decision of node B, which must be one of the two with its own hash. */
    private static int stamp(PlatformClient b, Version next, Version original) throws Exception {
        JsonNode decision = PlatformClient.expectOk(b.post("/api/v1/evaluations", PlatformClient.User.TRADER,
                Snapshot.SINGLE_ACCOUNT), "evaluation on node B").json();
        int version = decision.path("version").asInt(-1);
        String hash = decision.path("versionHash").asText("");
        boolean known = (version == next.number() && hash.equals(next.hash()))
                || (version == original.number() && hash.equals(original.hash()));
        if (!known) {
            throw new IllegalStateException("node B answered with an unexpected version stamp: " + decision);
        }
        return version;
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
