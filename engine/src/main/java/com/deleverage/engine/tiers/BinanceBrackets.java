package com.deleverage.engine.tiers;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.RiskTier;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Binance USD-M leverage-bracket table in the ccxt/freqtrade shape
 * ({@code {"BTC/USDT:USDT": [{"info": {"notionalFloor", "notionalCap", "maintMarginRatio", "cum",
 * "initialLeverage"}}, ...]}}) into risk tiers, from Binance's raw string fields (exact decimals).
 */
public final class BinanceBrackets {
    private BinanceBrackets() {
    }

    /** @param market the key of the table, e.g. {@code BTC/USDT:USDT} */
    public static List<RiskTier> read(Path file, String market) {
        try {
            JsonNode brackets = PlatformJson.mapper().readTree(file.toFile()).get(market);
            if (brackets == null || !brackets.isArray()) {
                throw new IllegalArgumentException(file + " has no bracket table for " + market);
            }
            List<RiskTier> tiers = new ArrayList<>();
            for (JsonNode bracket : brackets) {
                JsonNode info = bracket.get("info");
                tiers.add(new RiskTier(new BigDecimal(info.get("notionalFloor").asText()),
                        new BigDecimal(info.get("notionalCap").asText()),
                        new BigDecimal(info.get("maintMarginRatio").asText()),
                        new BigDecimal(info.get("cum").asText()),
                        Integer.parseInt(info.get("initialLeverage").asText())));
            }
            return List.copyOf(tiers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read leverage brackets " + file, e);
        }
    }
}
