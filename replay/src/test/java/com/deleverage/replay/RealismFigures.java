package com.deleverage.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.replay.report.AccountOutcome;
import com.deleverage.replay.report.TickRecord;
import com.deleverage.replay.report.TimelineEvent;
import com.deleverage.replay.report.VersionResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a 10 Oct 2025 replay that docs/backtesting.md compares with that day's public figures ("How close
 * the replay is to 10 October 2025"), computed from one version's result.
 *
 * @param liquidatedShareOfOpenInterest liquidated notional / (opening open interest x first mark)
 * @param adlToLiquidated               ADL notional / liquidated notional
 * @param share2110To2120               liquidated notional of 21:10-21:20 / all of it
 * @param share2050To2130               liquidated notional of 20:50-21:30 / all of it
 * @param peakMinute                    the minute with the most liquidated notional
 * @param longShare                     liquidated base units of long positions / all liquidated base units
 * @param firstLiquidation              time of the first liquidation
 * @param firstAdl                      time of the first ADL (null: none)
 * @param openInterestChange            closing / opening open interest - 1
 * @param deposits                      collateral traders added between ticks (top-ups, entrants)
 * @param entrants                      accounts that entered during the replay
 */
record RealismFigures(BigDecimal liquidatedShareOfOpenInterest, BigDecimal adlToLiquidated, BigDecimal share2110To2120,
                      BigDecimal share2050To2130, Instant peakMinute, BigDecimal longShare, Instant firstLiquidation,
                      Instant firstAdl, BigDecimal openInterestChange, BigDecimal deposits, long entrants) {
    private static final MathContext MC = MathContext.DECIMAL64;
    static final Instant T2050 = Instant.parse("2025-10-10T20:50:00Z");
    static final Instant T2110 = Instant.parse("2025-10-10T21:10:00Z");
    static final Instant T2120 = Instant.parse("2025-10-10T21:20:00Z");
    static final Instant T2130 = Instant.parse("2025-10-10T21:30:00Z");

    static RealismFigures of(VersionResult v, List<Account> book, BigDecimal openingOpenInterest) {
        BigDecimal total = v.totals().liquidatedNotional();
        BigDecimal cascade = BigDecimal.ZERO;
        BigDecimal wide = BigDecimal.ZERO;
        SortedMap<Instant, BigDecimal> byMinute = new TreeMap<>();
        for (TickRecord t : v.series()) {
            if (!t.time().isBefore(T2110) && t.time().isBefore(T2120)) {
                cascade = cascade.add(t.liquidatedNotional());
            }
            if (!t.time().isBefore(T2050) && t.time().isBefore(T2130)) {
                wide = wide.add(t.liquidatedNotional());
            }
            byMinute.merge(Instant.ofEpochSecond(Math.floorDiv(t.time().getEpochSecond(), 60) * 60), t.liquidatedNotional(),
                    BigDecimal::add);
        }
        Instant peak = byMinute.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, BigDecimal> opened = new TreeMap<>();
        book.forEach(a -> opened.put(a.id(), a.positions().get(0).quantity()));
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (Map.Entry<String, AccountOutcome> e : v.outcomes().entrySet()) {
            BigDecimal q = opened.get(e.getKey());
            boolean isLong = q != null ? q.signum() > 0 : e.getKey().endsWith("-L");
            all = all.add(e.getValue().liquidated());
            longs = isLong ? longs.add(e.getValue().liquidated()) : longs;
        }
        BigDecimal firstMark = v.series().get(0).markPrice();
        return new RealismFigures(total.divide(openingOpenInterest.multiply(firstMark), MC),
                v.totals().adlNotional().divide(total, MC), cascade.divide(total, MC), wide.divide(total, MC), peak,
                longs.divide(all, MC), time(v, "first liquidation"), time(v, "first ADL"),
                v.totals().openInterestClosing().divide(openingOpenInterest, MC).subtract(BigDecimal.ONE),
                v.ledger().get("deposits"), v.outcomes().keySet().stream().filter(id -> id.startsWith("entrant-")).count());
    }

    /** Seconds from the first liquidation to the first ADL (null: no ADL). */
    Long secondsToFirstAdl() {
        return firstAdl == null ? null : Duration.between(firstLiquidation, firstAdl).toSeconds();
    }

    private static Instant time(VersionResult v, String event) {
        return v.timeline().stream().filter(e -> e.event().equals(event)).map(TimelineEvent::time).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return String.format("liquidated / opening OI %.4f; ADL / liquidated %.4f; 21:10-21:20 %.4f; 20:50-21:30 %.4f; "
                        + "peak minute %s; long share %.4f; first liquidation %s; first ADL %s (%s s); OI change %.4f; "
                        + "deposits %s; entrants %d", liquidatedShareOfOpenInterest, adlToLiquidated, share2110To2120,
                share2050To2130, peakMinute, longShare, firstLiquidation, firstAdl, secondsToFirstAdl(), openInterestChange,
                deposits.toPlainString(), entrants);
    }
}
