package com.deleverage.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.replay.book.BookGenerator;
import com.deleverage.replay.book.BookSpec;
import com.deleverage.replay.path.IntrabarTicks;
import com.deleverage.replay.path.KlineReader;
import com.deleverage.replay.path.PriceBar;
import com.deleverage.replay.path.PricePath;
import com.deleverage.engine.testing.MarketData;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worked example of docs/backtesting.md: BTC on 10 Oct 2025, 20:00-23:00 UTC, a seeded book calibrated to that
 * day ({@link BookSpec#calibrated10Oct2025}, entries at the real 5-minute closes of the 14 days before 20:00), trader
 * reactions between ticks ({@link TraderReactions#calibrated10Oct2025}), the reference policy and the
 * adl-binance-ranking variant.
 */
final class Btc10Oct {
    static final Instant FROM = Instant.parse("2025-10-10T20:00:00Z");
    static final Instant TO = Instant.parse("2025-10-10T23:00:00Z");
    /**
     * The path from the day's start: its first price is the circuit-breaker session's reference (BTCUSDT's 00:00 UTC
     * open), and the hour before 20:00 gives the first ticks their 1-hour change and volatility.
     */
    static final Instant HISTORY = Instant.parse("2025-10-10T00:00:00Z");
    static final long SEED = 20251010L;
    /**
     * Open interest of the synthetic book: 0.1 BTC per account and side on average, so the 10,000-account book
     * (1,000 BTC, about 117M USDT) stays under the reference policy's open-interest caps (250M / 500M USDT).
     */
    static final BigDecimal OI_PER_ACCOUNT = new BigDecimal("0.1");
    /** Insurance fund per 10,000 accounts at the start: small against the book, so the crash tests it. */
    static final BigDecimal FUND = new BigDecimal("50000");

    private Btc10Oct() {
    }

    /** Which price file: the 1-minute COIN-M mark-price klines or the 5-minute USD-M BTCUSDT bars. */
    enum Source { COINM_1M, USDM_5M }

    static PricePath path(Source source) {
        Path file = source == Source.COINM_1M ? MarketData.COINM_1M_10_OCT : MarketData.USDM_5M;
        // The COIN-M contract is BTCUSD; the replay treats its mark as the BTCUSDT mark (same market, same crash).
        return new PricePath(IntrabarTicks.of(KlineReader.read(file, "BTCUSDT"), IntrabarTicks.Mode.OHLC))
                .window(HISTORY, TO);
    }

    static List<RiskTier> tiers() {
        return MarketData.btcusdtBrackets();
    }

    /** The real USD-M BTCUSDT 5-minute bars of the 14 days before 20:00: where the book's positions were opened. */
    static List<PriceBar> entryHistory() {
        Instant start = FROM.minus(Duration.ofDays(BookSpec.OCT_10_2025_HISTORY_DAYS));
        return KlineReader.read(MarketData.USDM_5M, "BTCUSDT").stream()
                .filter(b -> !b.openTime().isBefore(start) && b.openTime().isBefore(FROM)).toList();
    }

    static List<Account> book(int accounts, PricePath path) {
        BigDecimal reference = path.ticks().stream().filter(t -> !t.time().isBefore(FROM)).findFirst().orElseThrow()
                .markPrice();
        return BookGenerator.generate(BookSpec.calibrated10Oct2025(SEED, accounts, "BTCUSDT", reference,
                OI_PER_ACCOUNT.multiply(BigDecimal.valueOf(accounts)), tiers(), entryHistory()));
    }

    /** The reference policy, and the variant composed over it (a variant folder holds only what differs). */
    static List<ReplayPolicy> policies() {
        Map<String, String> reference = PolicyFiles.fromDirectory(MarketData.folder("rules/deleveraging"));
        Map<String, String> variant = PolicyFiles.overlay(reference,
                PolicyFiles.fromDirectory(MarketData.folder("rules/variants/adl-binance-ranking")));
        return List.of(ReplayPolicy.compile("reference", "deleveraging", 1, reference),
                ReplayPolicy.compile("adl-binance-ranking", "deleveraging", 1, variant));
    }

    static ReplayRequest request(Source source, int accounts, List<ReplayPolicy> policies) {
        PricePath path = path(source);
        return ReplayRequest.of(path, FROM, TO, book(accounts, path), Map.of("BTCUSDT", tiers()),
                Map.of("BTCUSDT", FUND.multiply(BigDecimal.valueOf(accounts)).divide(BigDecimal.valueOf(10_000))),
                policies).withReactions(TraderReactions.calibrated10Oct2025(SEED, OI_PER_ACCOUNT));
    }
}
