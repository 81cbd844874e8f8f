package com.deleverage.replay.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An insurance fund during the replay: its balance and its highest balance over the last 8 hours
 * (a monotonic queue of the balances at the end of each tick; before the replay's first tick the fund is
 * taken to have held its opening balance).
 */
final class FundState {
    private static final Duration PEAK_WINDOW = Duration.ofHours(8);

    private record Sample(Instant time, BigDecimal balance) {
    }

    final String symbol;
    BigDecimal balance;
    BigDecimal lowest;
    private final Deque<Sample> maxima = new ArrayDeque<>();

    FundState(String symbol, BigDecimal opening, Instant start) {
        this.symbol = symbol;
        this.balance = opening;
        this.lowest = opening;
        maxima.add(new Sample(start, opening));
    }

    /** Highest balance in {@code [now - 8h, now]}, the current balance included. */
    BigDecimal peak8h(Instant now) {
        Instant cutoff = now.minus(PEAK_WINDOW);
        while (maxima.size() > 1 && maxima.peekFirst().time.isBefore(cutoff)) {
            maxima.removeFirst();
        }
        BigDecimal peak = maxima.peekFirst().balance;
        return peak.max(balance);
    }

    /** Records the balance at the end of a tick. */
    void sample(Instant time) {
        while (!maxima.isEmpty() && maxima.peekLast().balance.compareTo(balance) <= 0) {
            maxima.removeLast();
        }
        maxima.addLast(new Sample(time, balance));
        lowest = lowest.min(balance);
    }
}
