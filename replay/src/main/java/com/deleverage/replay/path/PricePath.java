package com.deleverage.replay.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ticks of one or more markets, ordered by time then symbol. Immutable.
 */
public record PricePath(List<PriceTick> ticks) {
    public PricePath {
        List<PriceTick> sorted = new ArrayList<>(ticks);
        sorted.sort(PriceTick.BY_TIME_THEN_SYMBOL);
        for (int i = 1; i < sorted.size(); i++) {
            PriceTick a = sorted.get(i - 1);
            PriceTick b = sorted.get(i);
            if (a.time().equals(b.time()) && a.symbol().equals(b.symbol())) {
                throw new IllegalArgumentException("two ticks of " + a.symbol() + " at " + a.time());
            }
        }
        ticks = List.copyOf(sorted);
    }

    /** Several markets merged into one path, by time then symbol. */
    public static PricePath merge(Collection<PricePath> paths) {
        List<PriceTick> all = new ArrayList<>();
        paths.forEach(p -> all.addAll(p.ticks()));
        return new PricePath(all);
    }

    public static PricePath merge(PricePath... paths) {
        return merge(List.of(paths));
    }

    /** Ticks with {@code from <= time < to}. */
    public PricePath window(Instant from, Instant to) {
        return new PricePath(ticks.stream().filter(t -> !t.time().isBefore(from) && t.time().isBefore(to)).toList());
    }

    /** The symbols in the path, sorted. */
    public SortedSet<String> symbols() {
        SortedSet<String> symbols = new TreeSet<>();
        ticks.forEach(t -> symbols.add(t.symbol()));
        return symbols;
    }

    public boolean isEmpty() {
        return ticks.isEmpty();
    }
}
