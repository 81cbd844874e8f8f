package com.deleverage.drills;

import com.deleverage.drills.PolicyOps.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hot swap under load: stages and approves a large generated version (the active policy plus generated
 * watch-list rules, {@code rules} in all), runs {@link EvaluationLoad} against the node, measures a
 * steady phase, then swaps between the large version and the original {@code swaps} times (an
 * activation, then rollbacks back and forth) while the load runs, then a second steady phase, and
 * reports failed requests, responses not stamped with exactly one expected version, and the latency
 * percentiles of the three phases (the ratio compares swapping with the steady phase after it, which the
 * JIT has warmed as much; the phase before is often still warming up).
 *
 * <pre>java -cp drills/target/drills.jar com.deleverage.drills.HotSwapDrill \
 *     http://127.0.0.1:18080 [swaps=20] [rules=500] [clients=8] [steadySeconds=20] [pauseMillis=1000]</pre>
 * Exits 1 when a request failed or a stamp was wrong. Needs the dev environment's demo users.
 */
public final class HotSwapDrill {
    private HotSwapDrill() {
    }

    public record Result(int rules, long requests, long failures, long badStamps, Map<Integer, Long> perVersion,
                         EvaluationLoad.Stats steady, EvaluationLoad.Stats swapping, EvaluationLoad.Stats steadyAfter,
                         List<Long> swapMillis,
                         List<String> problems) {
        /** p99 while swapping over p99 of the steady phase after the swaps (same JIT warmth as the swapping phase). */
        public double p99Ratio() {
            return steadyAfter.p99() == 0 ? 0 : swapping.p99() / steadyAfter.p99();
        }

        @Override
        public String toString() {
            return "RESULT rules=" + rules + " requests=" + requests + " failures=" + failures + " badStamps="
                    + badStamps + " perVersion=" + perVersion + "\n  steady before: " + steady + "\n  swapping:      "
                    + swapping + "\n  steady after:  " + steadyAfter
                    + String.format("\n  p99 swapping / steady after = %.2f", p99Ratio())
                    + "\n  swap response times (ms): " + swapMillis + (problems.isEmpty() ? "" : "\n  problems: " + problems);
        }
    }

    public static Result run(String url, int swaps, int rules, int clients, long steadyMillis, long pauseMillis)
            throws Exception {
        PlatformClient node = new PlatformClient(url);
        String ruleSet = "deleveraging";
        Version original = PolicyOps.active(node, ruleSet);
        Map<String, String> files = PolicyOps.withGeneratedRules(PolicyOps.files(node, ruleSet, original.number()),
                rules, "hot swap drill " + System.currentTimeMillis());
        Version large = PolicyOps.stageAndApprove(node, ruleSet, "hot swap drill: " + PolicyOps.ruleCount(files)
                + " rules", files);
        List<Long> swapMillis = new ArrayList<>();
        try (EvaluationLoad load = new EvaluationLoad(url, clients,
                Map.of(original.number(), original.hash(), large.number(), large.hash()), false).start()) {
            Thread.sleep(Math.min(steadyMillis, 5000)); // warm-up
            load.phase("steady");
            Thread.sleep(steadyMillis);
            load.phase("swapping");
            for (int i = 0; i < swaps; i++) {
                long start = System.nanoTime();
                PlatformClient.Reply reply = i == 0
                        ? PolicyOps.activate(node, ruleSet, large.number())
                        : PolicyOps.rollback(node, ruleSet, i % 2 == 1 ? original.number() : large.number(),
                        "hot swap drill " + (i + 1) + "/" + swaps);
                PlatformClient.expectOk(reply, "swap " + (i + 1));
                swapMillis.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(pauseMillis); // spread the swaps over a phase as long as the steady one
            }
            load.phase("steady-after");
            Thread.sleep(steadyMillis);
            load.phase("done");
            load.close();
            return new Result(PolicyOps.ruleCount(files), load.requests(), load.failures(), load.badStamps(),
                    load.perVersion(), load.stats("steady"), load.stats("swapping"), load.stats("steady-after"), swapMillis, load.problems());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HotSwapDrill <base url> [swaps=20] [rules=500] [clients=8] [steadySeconds=20] [pauseMillis=1000]");
            System.exit(2);
        }
        Result result = run(args[0], arg(args, 1, 20), arg(args, 2, 500), arg(args, 3, 8), arg(args, 4, 20) * 1000L,
                arg(args, 5, 1000));
        System.out.println(result);
        System.exit(result.failures() == 0 && result.badStamps() == 0 ? 0 : 1);
    }

    static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
