package com.deleverage.replay;

import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.replay.path.PriceTick;
import com.deleverage.replay.report.AccountDifference;
import com.deleverage.replay.report.AccountOutcome;
import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.VersionResult;
import com.deleverage.replay.simulation.Simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The programmatic entry point of replay and impact analysis: runs every version of the request over the
 * same path and book, one after the other, and compares them.
 *
 * <pre>{@code
 * ReplayReport report = Replay.run(request);
 * Files.writeString(out.resolve("replay.json"), ReportJson.write(report));
 * Files.writeString(out.resolve("replay.html"), ReportHtml.write(report));
 * }</pre>
 *
 * The request's progress callback is called after every tick of every version; its cancellation flag is
 * read before every tick (a cancelled replay throws {@link ReplayCancelledException}). Runs on the caller's
 * thread; a server runs it on a worker of its own.
 */
public final class Replay {
    /** One evaluation of a 10,000-account book needs far more than the 10 s of a live evaluation on a busy machine. */
    static final EvaluationLimits LIMITS = new EvaluationLimits(5_000_000, Duration.ofMinutes(2));

    private Replay() {
    }

    public static ReplayReport run(ReplayRequest request) {
        long start = System.nanoTime();
        Evaluator evaluator = new Evaluator(LIMITS);
        int ticks = countTicks(request);
        if (ticks == 0) {
            throw new IllegalArgumentException("the path has no tick between " + request.from() + " and " + request.to()
                    + " at which every market of the request has a price");
        }
        List<VersionResult> results = new ArrayList<>();
        for (int i = 0; i < request.policies().size(); i++) {
            results.add(new Simulation(request, request.policies().get(i), evaluator).run(i, ticks));
        }
        return new ReplayReport(request.from(), request.to(), new TreeSet<>(request.riskTiers().keySet()), ticks,
                request.book().size(), request.settings(), results, differences(results),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Distinct instants in the window at which every market has had a tick. */
    static int countTicks(ReplayRequest request) {
        Set<String> seen = new HashSet<>();
        SortedSet<Instant> counted = new TreeSet<>();
        for (PriceTick tick : request.path().ticks()) {
            if (!tick.time().isBefore(request.to())) {
                break;
            }
            if (request.riskTiers().containsKey(tick.symbol())) {
                seen.add(tick.symbol());
            }
            if (!tick.time().isBefore(request.from()) && seen.size() == request.riskTiers().size()) {
                counted.add(tick.time());
            }
        }
        return counted.size();
    }

    /** Accounts whose outcome is not identical under every version, largest equity spread first, then by id. */
    static List<AccountDifference> differences(List<VersionResult> results) {
        List<AccountDifference> differences = new ArrayList<>();
        if (results.size() < 2) {
            return differences;
        }
        SortedSet<String> ids = new TreeSet<>();
        results.forEach(r -> ids.addAll(r.outcomes().keySet()));
        for (String id : ids) {
            List<AccountOutcome> outcomes = results.stream()
                    .map(r -> r.outcomes().getOrDefault(id, AccountOutcome.NONE)).toList();
            if (outcomes.stream().allMatch(o -> same(o, outcomes.get(0)))) {
                continue;
            }
            BigDecimal max = outcomes.stream().map(AccountOutcome::equity).max(Comparator.naturalOrder()).orElseThrow();
            BigDecimal min = outcomes.stream().map(AccountOutcome::equity).min(Comparator.naturalOrder()).orElseThrow();
            differences.add(new AccountDifference(id, outcomes, max.subtract(min)));
        }
        differences.sort(Comparator.comparing(AccountDifference::spread, Comparator.reverseOrder())
                .thenComparing(AccountDifference::account));
        return differences;
    }

    private static boolean same(AccountOutcome a, AccountOutcome b) {
        return a.collateral().compareTo(b.collateral()) == 0 && a.position().compareTo(b.position()) == 0
                && a.liquidated().compareTo(b.liquidated()) == 0 && a.deleveraged().compareTo(b.deleveraged()) == 0
                && a.socialisedLoss().compareTo(b.socialisedLoss()) == 0;
    }
}
