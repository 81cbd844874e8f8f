package com.deleverage.replay.simulation;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per-account totals over a replay: base units liquidated and deleveraged, socialised loss charged. */
final class AccountTally {
    final SortedMap<String, BigDecimal> liquidated = new TreeMap<>();
    final SortedMap<String, BigDecimal> deleveraged = new TreeMap<>();
    final SortedMap<String, BigDecimal> socialised = new TreeMap<>();
    /** Rejected actions by reason. */
    final SortedMap<String, Integer> notes = new TreeMap<>();

    static void add(SortedMap<String, BigDecimal> map, String account, BigDecimal amount) {
        map.merge(account, amount, BigDecimal::add);
    }

    void note(String reason) {
        notes.merge(reason, 1, Integer::sum);
    }
}
