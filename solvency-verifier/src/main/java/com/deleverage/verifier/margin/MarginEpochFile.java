package com.deleverage.verifier.margin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code epoch.json} of a margin epoch directory (docs/solvency.md, "The margin epoch"): everything public that
 * every pool's statement is computed with. Amounts and rates are decimal strings as in the snapshot; the verifier
 * scales them to integers itself ({@link MarginTables}).
 *
 * <p>No epoch number: the platform numbers its epochs when it stores them, and its audit chain binds that number
 * to the digest of the files; the files are named by their digest.
 *
 * @param moneyDecimals  S: every amount of quote currency is committed in units of 10^-S
 * @param rateDecimals   R: every maintenance-margin rate is a whole number of 10^-R
 * @param decisions      the ids of the decisions of this version on this snapshot whose actions pools link to
 * @param accountCount   accounts of the snapshot (an account without positions has no pool)
 */
@JsonPropertyOrder({"format", "asOf", "ruleSet", "version", "versionHash", "rule", "decisions", "moneyDecimals",
        "rateDecimals", "markets", "accountCount", "poolCount"})
public record MarginEpochFile(String format, String asOf, String ruleSet, Integer version,
                              String versionHash, Rule rule, List<String> decisions, Integer moneyDecimals,
                              Integer rateDecimals, List<MarketTable> markets, Long accountCount, Long poolCount) {
    public static final String FORMAT = "deleverage/margin/v1";

    /**
     * What the version's published rule requires: a pool whose margin ratio (maintenance margin / equity) is at
     * least {@code liquidationRatio}, or whose equity is zero or less, is acted on by one of {@code acting}; no
     * other pool is.
     */
    @JsonPropertyOrder({"liquidationRatio", "acting"})
    public record Rule(String liquidationRatio, List<String> acting) {
    }

    /**
     * A market's mark and risk-tier table as the margin math used them.
     *
     * @param quantityDecimals Q: quantities of this market are committed in units of 10^-Q of the base asset
     */
    @JsonPropertyOrder({"symbol", "mark", "quantityDecimals", "tiers"})
    public record MarketTable(String symbol, String mark, Integer quantityDecimals, List<Tier> tiers) {
    }

    /** {@code floor < notional ≤ cap} (the first tier from 0 inclusive): maintenance margin notional·rate − amount. */
    @JsonPropertyOrder({"floor", "cap", "rate", "amount"})
    public record Tier(String floor, String cap, String rate, String amount) {
    }
}
