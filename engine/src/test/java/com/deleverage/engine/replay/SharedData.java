package com.deleverage.engine.replay;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real market data of {@code ../shared/data} (relative to the repository root); tests skip without it. */
final class SharedData {
    /** The repository root: the working directory (exec:java) or its parent (surefire runs in engine/). */
    static final Path REPO = repo();
    static final Path ROOT = REPO.resolve("../shared/data").normalize();
    static final Path COINM_1M_10_OCT = ROOT.resolve("market/binance_coinm_BTCUSD_PERP-1m-2025-10-10.csv");
    static final Path USDM_5M = ROOT.resolve("market/binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv");
    static final Path MARK_1H = ROOT.resolve("market/binance_usdm_BTCUSDT_mark_1h_2024-12-31_to_2026-02-19.csv");
    static final Path MARK_8H = ROOT.resolve("market/binance_usdm_BTCUSDT_mark_8h_2025-09-19_to_2025-10-27.csv");
    static final Path BRACKETS = ROOT.resolve("risk-params/binance_usdm_leverage_brackets_BTC_ETH.json");

    private SharedData() {
    }

    private static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("engine")) ? here : here.getParent();
    }

    static Path require(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "real market data not found at " + file
                + " (../shared/data beside the repository); skipping the test that reads it");
        return file;
    }

    static Path requirePolicy(String folder) {
        Path dir = REPO.resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "policy folder " + dir + " not found; skipping");
        return dir;
    }
}
