package com.deleverage.admin.console.replays;

import com.deleverage.admin.replay.ReplaySubmission.PriceFile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A crash bundled with the platform (market-data/, sources in market-data/SOURCES.md) that the console's replay
 * page offers by name: its price file and window. The replay reads an hour of history before {@code from}.
 */
public record CrashPreset(String id, String title, String file, String symbol, Instant from, Instant to) {
    static final List<CrashPreset> BUNDLED = List.of(
            new CrashPreset("btc-2025-10-10-usdm-5m",
                    "10 Oct 2025, 20:00-23:00 UTC: Binance USD-M BTCUSDT perpetual, 5-minute bars",
                    "binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv", "BTCUSDT",
                    Instant.parse("2025-10-10T20:00:00Z"), Instant.parse("2025-10-10T23:00:00Z")),
            new CrashPreset("btc-2025-10-10-coinm-1m",
                    "10 Oct 2025, 20:00-23:00 UTC: Binance COIN-M BTCUSD perpetual 1-minute marks, as the BTCUSDT mark",
                    "binance_coinm_BTCUSD_PERP-1m-2025-10-10.csv", "BTCUSDT",
                    Instant.parse("2025-10-10T20:00:00Z"), Instant.parse("2025-10-10T23:00:00Z")));

    static Optional<CrashPreset> named(String id) {
        return BUNDLED.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    PriceFile prices() {
        return new PriceFile(file, symbol, null);
    }
}
