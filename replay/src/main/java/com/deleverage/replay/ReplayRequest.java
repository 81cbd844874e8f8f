package com.deleverage.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.replay.path.PricePath;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A replay: the same path and book under one or more policy versions.
 *
 * @param path           ticks of every market the book trades, including history before {@code from}: an hour
 *                       of it lets the first ticks have their 1-hour change and volatility
 * @param from           first instant replayed (inclusive)
 * @param to             end of the replay (exclusive)
 * @param book           the accounts at {@code from}
 * @param riskTiers      each market's tier table
 * @param insuranceFunds each market's fund balance at {@code from} (markets without one have no fund)
 * @param policies       the versions compared, in report order; labels must differ
 * @param settings       fee, funding and halt conventions
 * @param progress       called after every tick (may be a no-op)
 * @param cancelled      checked before every tick; true stops the replay with {@link ReplayCancelledException}
 * @param reactions      how traders react between ticks; null: they do not (the book only shrinks)
 */
public record ReplayRequest(PricePath path, Instant from, Instant to, List<Account> book,
                            SortedMap<String, List<RiskTier>> riskTiers, SortedMap<String, BigDecimal> insuranceFunds,
                            List<ReplayPolicy> policies, ReplaySettings settings, Consumer<ReplayProgress> progress,
                            BooleanSupplier cancelled, TraderReactions reactions) {
    public ReplayRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        book = List.copyOf(book);
        riskTiers = new TreeMap<>(riskTiers);
        insuranceFunds = new TreeMap<>(insuranceFunds);
        policies = List.copyOf(policies);
        settings = settings == null ? ReplaySettings.DEFAULT : settings;
        progress = progress == null ? p -> { } : progress;
        cancelled = cancelled == null ? () -> false : cancelled;
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy version is required");
        }
        if (policies.stream().map(ReplayPolicy::label).distinct().count() != policies.size()) {
            throw new IllegalArgumentException("policy labels must differ");
        }
    }

    /** A request without progress callback, cancellation or trader reactions, default settings. */
    public static ReplayRequest of(PricePath path, Instant from, Instant to, List<Account> book,
                                   Map<String, List<RiskTier>> riskTiers, Map<String, BigDecimal> insuranceFunds,
                                   List<ReplayPolicy> policies) {
        return new ReplayRequest(path, from, to, book, new TreeMap<>(riskTiers), new TreeMap<>(insuranceFunds),
                policies, ReplaySettings.DEFAULT, null, null, null);
    }

    public ReplayRequest withSettings(ReplaySettings newSettings) {
        return new ReplayRequest(path, from, to, book, riskTiers, insuranceFunds, policies, newSettings, progress, cancelled,
                reactions);
    }

    public ReplayRequest withProgress(Consumer<ReplayProgress> newProgress, BooleanSupplier newCancelled) {
        return new ReplayRequest(path, from, to, book, riskTiers, insuranceFunds, policies, settings, newProgress,
                newCancelled, reactions);
    }

    public ReplayRequest withReactions(TraderReactions newReactions) {
        return new ReplayRequest(path, from, to, book, riskTiers, insuranceFunds, policies, settings, progress, cancelled,
                newReactions);
    }
}
