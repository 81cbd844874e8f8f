package com.deleverage.replay.simulation;

import com.deleverage.engine.model.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares the ADL of one tick, for one market side, with a pro-rata split: the same total quantity
 * {@code Q} spread over every profitable position of that side in proportion to its size,
 * {@code share_i = Q x size_i / sum(size)}. Over-close is {@code sum_i max(0, taken_i - share_i)}: how much
 * the policy's ranking concentrated the ADL on some winners. Shares are rounded half-even to 12 decimals
 * (a measure, not money). Eligibility is fixed when the first ADL of the tick on that side is applied.
 */
final class AdlBenchmark {
    private static final int SCALE = 12;

    private final String symbol;
    private final Side winnerSide;
    private final BigDecimal mark;
    private final SortedMap<String, BigDecimal> eligible = new TreeMap<>();
    private final SortedMap<String, BigDecimal> taken = new TreeMap<>();

    AdlBenchmark(String symbol, Side winnerSide, BigDecimal mark, BookState book) {
        this.symbol = symbol;
        this.winnerSide = winnerSide;
        this.mark = mark;
        for (BookAccount account : book.accounts()) {
            BookPosition p = account.positions.get(symbol);
            if (p != null && p.quantity.signum() != 0 && p.side() == winnerSide
                    && p.quantity.multiply(mark.subtract(p.entryPrice)).signum() > 0) {
                eligible.put(account.id, p.size());
            }
        }
    }

    void took(String account, BigDecimal quantity) {
        taken.merge(account, quantity, BigDecimal::add);
    }

    /** Over-closed base units. */
    BigDecimal overClose() {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal q : taken.values()) {
            total = total.add(q);
        }
        BigDecimal eligibleSize = BigDecimal.ZERO;
        for (BigDecimal q : eligible.values()) {
            eligibleSize = eligibleSize.add(q);
        }
        BigDecimal over = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : taken.entrySet()) {
            BigDecimal size = eligible.get(e.getKey());
            BigDecimal share = size == null || eligibleSize.signum() == 0 ? BigDecimal.ZERO
                    : total.multiply(size).divide(eligibleSize, SCALE, RoundingMode.HALF_EVEN);
            over = over.add(e.getValue().subtract(share).max(BigDecimal.ZERO));
        }
        return over;
    }

    BigDecimal mark() {
        return mark;
    }

    String key() {
        return symbol + "/" + winnerSide;
    }
}
