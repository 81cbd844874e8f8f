package com.deleverage.engine.math;

import com.deleverage.engine.model.RiskTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance's published USD-M leverage brackets, read from the shared data folder next to the repository
 * (never copied into it). Tests that need them are skipped when the folder is absent.
 */
final class BinanceBrackets {
    private static final String FILE = "risk-params/binance_usdm_leverage_brackets_BTC_ETH.json";

    private BinanceBrackets() {
    }

    /** BTCUSDT: 12 tiers, tier 1 0-50,000 at 0.4%, tier 2 to 600,000 at 0.5% (cum 50), tier 3 to 3M at 0.65% (cum 950), ... */
    static List<RiskTier> btcusdt() {
        return load("BTC/USDT:USDT");
    }

    private static List<RiskTier> load(String market) {
        Path sharedData = findSharedData();
        Assumptions.assumeTrue(sharedData != null,
                "shared/data not found above " + Path.of("").toAbsolutePath() + "; skipping tests on Binance's brackets");
        try {
            JsonNode brackets = new ObjectMapper().readTree(sharedData.resolve(FILE).toFile()).get(market);
            List<RiskTier> tiers = new ArrayList<>();
            for (JsonNode bracket : brackets) {
                JsonNode info = bracket.get("info");
                tiers.add(new RiskTier(new BigDecimal(info.get("notionalFloor").asText()),
                        new BigDecimal(info.get("notionalCap").asText()),
                        new BigDecimal(info.get("maintMarginRatio").asText()),
                        new BigDecimal(info.get("cum").asText()),
                        Integer.parseInt(info.get("initialLeverage").asText())));
            }
            return tiers;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    /** Walks up from the working directory to the first folder with a {@code shared/data} child. */
    private static Path findSharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve(FILE))) {
                return candidate;
            }
        }
        return null;
    }
}
