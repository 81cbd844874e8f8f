package com.deleverage.replay.path;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns bars into ticks so a bar's wick is visited, not skipped.
 *
 * <p><b>Convention (documented in docs/backtesting.md):</b> a bar yields four ticks at its open time plus
 * 0, 1/4, 1/2 and 3/4 of its duration. An <em>up or flat</em> bar ({@code close >= open}) goes
 * open &rarr; low &rarr; high &rarr; close; a <em>down</em> bar ({@code close < open}) goes
 * open &rarr; high &rarr; low &rarr; close. That is, each bar first moves against its final direction and
 * then travels the whole range to its close: the common assumption of bar-based backtesters, and the one
 * that visits both extremes in the order that makes the close reachable from the last extreme. For the
 * crash of 10 Oct 2025 the 21:15 5-minute bar (a down bar) is replayed as 21:15 open, 21:16:15 high,
 * 21:17:30 low, 21:18:45 close. Ticks stay inside their bar, so windows that filter by time never cut a
 * bar in two. {@link Mode#CLOSE} keeps only the close, stamped at the bar's open time plus 3/4 (the
 * same instant as the close tick of {@link Mode#OHLC}).
 */
public final class IntrabarTicks {
    /** How many ticks a bar yields. */
    public enum Mode {
        /** open, first extreme, second extreme, close. */
        OHLC,
        /** the close only: fast, but skips the wicks. */
        CLOSE
    }

    private IntrabarTicks() {
    }

    public static List<PriceTick> of(List<PriceBar> bars, Mode mode) {
        List<PriceTick> ticks = new ArrayList<>(bars.size() * (mode == Mode.OHLC ? 4 : 1));
        for (PriceBar bar : bars) {
            ticks.addAll(of(bar, mode));
        }
        return ticks;
    }

    /** The ticks of one bar under the convention above. */
    public static List<PriceTick> of(PriceBar bar, Mode mode) {
        Duration quarter = bar.duration().dividedBy(4);
        if (mode == Mode.CLOSE) {
            return List.of(PriceTick.mark(bar.openTime().plus(quarter.multipliedBy(3)), bar.symbol(), bar.close()));
        }
        BigDecimal first = bar.down() ? bar.high() : bar.low();
        BigDecimal second = bar.down() ? bar.low() : bar.high();
        return List.of(
                PriceTick.mark(bar.openTime(), bar.symbol(), bar.open()),
                PriceTick.mark(bar.openTime().plus(quarter), bar.symbol(), first),
                PriceTick.mark(bar.openTime().plus(quarter.multipliedBy(2)), bar.symbol(), second),
                PriceTick.mark(bar.openTime().plus(quarter.multipliedBy(3)), bar.symbol(), bar.close()));
    }
}
