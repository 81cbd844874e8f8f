package com.deleverage.engine.testing;

import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.replay.book.BinanceBrackets;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real market data of {@code ../shared/data} (relative to the repository root); tests skip without it. */
public final class SharedData {
    /** The repository root: the working directory (exec:java) or its parent (surefire runs in engine/). */
    public static final Path REPO = repo();
    public static final Path ROOT = REPO.resolve("../shared/data").normalize();
    public static final Path COINM_1M_10_OCT = ROOT.resolve("market/binance_coinm_BTCUSD_PERP-1m-2025-10-10.csv");
    public static final Path USDM_5M = ROOT.resolve("market/binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv");
    public static final Path MARK_1H = ROOT.resolve("market/binance_usdm_BTCUSDT_mark_1h_2024-12-31_to_2026-02-19.csv");
    public static final Path MARK_8H = ROOT.resolve("market/binance_usdm_BTCUSDT_mark_8h_2025-09-19_to_2025-10-27.csv");
    public static final Path BRACKETS = ROOT.resolve("risk-params/binance_usdm_leverage_brackets_BTC_ETH.json");

    private SharedData() {
    }

    /**
     * Binance's published BTCUSDT brackets, read as the replay reads them: 12 tiers, tier 1 0-50,000 at
     * 0.4%, tier 2 to 600,000 at 0.5% (cum 50), tier 3 to 3M at 0.65% (cum 950), ...
     */
    public static List<RiskTier> btcusdtBrackets() {
        return BinanceBrackets.read(require(BRACKETS), "BTC/USDT:USDT");
    }

    private static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("engine")) ? here : here.getParent();
    }

    public static Path require(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "real market data not found at " + file
                + " (../shared/data beside the repository); skipping the test that reads it");
        return file;
    }

    public static Path requirePolicy(String folder) {
        Path dir = REPO.resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "policy folder " + dir + " not found; skipping");
        return dir;
    }
}
