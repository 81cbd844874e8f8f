package com.deleverage.replay.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Funding at the settlement instants of a replay: every multiple of the funding interval since the epoch
 * (00:00, 08:00, 16:00 UTC for 8 hours). At a settlement each position receives
 * {@code -rate x quantity x mark} (positive rate: longs pay shorts) into its pool; a payment is capped at
 * what the pool holds, so no balance goes negative on funding alone. The rate is the one the policy set
 * last (SET_FUNDING_RATE), else the path's funding rate at the tick, else no funding.
 */
final class FundingSettlement {
    private final Duration interval;

    FundingSettlement(Duration interval) {
        this.interval = interval;
    }

    /** Whether a settlement instant lies in {@code (after, upTo]}. */
    boolean due(Instant after, Instant upTo) {
        long step = interval.toMillis();
        long last = Math.floorDiv(upTo.toEpochMilli(), step) * step;
        return last > after.toEpochMilli();
    }

    /** Settles one market; returns the net amount the book received. */
    BigDecimal settle(BookState book, String symbol, BigDecimal rate, BigDecimal mark, Ledger ledger) {
        BigDecimal net = BigDecimal.ZERO;
        for (BookAccount account : book.accounts()) {
            BookPosition p = account.positions.get(symbol);
            if (p == null || p.quantity.signum() == 0) {
                continue;
            }
            BigDecimal amount = rate.multiply(p.quantity).multiply(mark).negate();
            if (amount.signum() < 0) {
                amount = amount.max(account.pool(p).max(BigDecimal.ZERO).negate());
            }
            if (amount.signum() != 0) {
                account.addToPool(p, amount);
                ledger.funding(amount);
                net = net.add(amount);
            }
        }
        return net;
    }
}
