package com.deleverage.engine.math;

import java.util.Collection;
import java.util.List;

/** Turn orders by risk rank, for policies that settle items one after another, riskiest account first. */
public final class RiskRanks {
    private RiskRanks() {
    }

    /**
     * The ranks in ascending order (rank 1 is the riskiest account), duplicates kept.
     *
     * @throws NullPointerException when a rank is null
     */
    public static List<Integer> riskiestFirst(Collection<? extends Number> ranks) {
        return ranks.stream().map(rank -> rank.intValue()).sorted().toList();
    }
}
