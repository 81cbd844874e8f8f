package com.deleverage.engine.testing;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.tiers.BinanceBrackets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's folders as tests read them: the root, and the real market data bundled in
 * {@code market-data/} (where each file comes from: {@code market-data/SOURCES.md}). Every file named here is
 * part of the repository, so a test that reads one fails instead of skipping when it is missing.
 */
public final class MarketData {
    /** The repository root: the nearest folder at or above the working directory holding {@code market-data/}. */
    public static final Path REPO = repo(Path.of("").toAbsolutePath());
    public static final Path DIR = REPO.resolve("market-data");
    public static final Path COINM_1M_10_OCT = DIR.resolve("binance_coinm_BTCUSD_PERP-1m-2025-10-10.csv");
    public static final Path USDM_5M = DIR.resolve("binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv");
    public static final Path MARK_1H = DIR.resolve("binance_usdm_BTCUSDT_mark_1h_2024-12-31_to_2026-02-19.csv");
    public static final Path MARK_8H = DIR.resolve("binance_usdm_BTCUSDT_mark_8h_2025-09-19_to_2025-10-27.csv");
    public static final Path BRACKETS = DIR.resolve("risk-params/binance_usdm_leverage_brackets_BTC_ETH.json");

    private MarketData() {
    }

    /**
     * Binance's published BTCUSDT brackets, read as the replay reads them: 12 tiers, tier 1 0-50,000 at
     * 0.4%, tier 2 to 600,000 at 0.5% (cum 50), tier 3 to 3M at 0.65% (cum 950), ...
     */
    public static List<RiskTier> btcusdtBrackets() {
        return BinanceBrackets.read(BRACKETS, "BTC/USDT:USDT");
    }

    /** A folder of the repository ({@code rules/deleveraging}); fails when it is not there. */
    public static Path folder(String relative) {
        Path dir = REPO.resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no folder " + dir + " in the repository");
        }
        return dir;
    }

    /** Surefire runs in the module's folder ({@code engine/}), exec:java in the root: look up from there. */
    static Path repo(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("market-data")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and market-data/) at or above " + start);
    }
}
