package com.deleverage.admin.replay;

import com.deleverage.admin.request.StrictRequest;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.replay.path.IntrabarTicks;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/replays}.
 *
 * @param ruleSet            the rule set of {@code versions} (default {@code deleveraging}); also the name inline
 *                           policies are compiled as
 * @param versions           stored versions to compare, in report order
 * @param policies           inline file sets compared after the stored versions
 * @param prices             price files, relative to the server's market data folder
 * @param symbol             the market of kline files without one, and of the generated book (default: the only
 *                           market of the path)
 * @param from               first instant replayed
 * @param to                 end of the replay, exclusive
 * @param historyMinutes     price history read before {@code from} (default 60)
 * @param intrabar           OHLC (default) or CLOSE
 * @param book               generator parameters of a seeded book (default: 1,000 accounts, seed 20251010)
 * @param accounts           a book given inline instead (the evaluation request's {@code accounts})
 * @param insuranceFund      each market's fund at {@code from} (default: none)
 * @param riskTiers          tier table of every market (default: Binance USD-M BTCUSDT brackets)
 * @param liquidationFeeRate liquidation fee on the closed notional (default 0.005)
 */
public record ReplaySubmission(@Nullable String ruleSet, @Nullable List<Integer> versions,
                               @Nullable List<InlinePolicy> policies, List<PriceFile> prices, @Nullable String symbol,
                               Instant from, Instant to, @Nullable Integer historyMinutes,
                               @Nullable IntrabarTicks.Mode intrabar, @Nullable ReplayInputs.BookParameters book,
                               @Nullable List<Account> accounts, @Nullable BigDecimal insuranceFund,
                               @Nullable List<RiskTier> riskTiers, @Nullable BigDecimal liquidationFeeRate)
        implements StrictRequest {
    public ReplaySubmission {
        ruleSet = ruleSet == null || ruleSet.isBlank() ? "deleveraging" : ruleSet;
        versions = versions == null ? List.of() : List.copyOf(versions);
        policies = policies == null ? List.of() : List.copyOf(policies);
        prices = prices == null ? List.of() : List.copyOf(prices);
        historyMinutes = historyMinutes == null ? 60 : historyMinutes;
        intrabar = intrabar == null ? IntrabarTicks.Mode.OHLC : intrabar;
    }

    /**
     * An inline file set.
     *
     * @param label   its name in the report
     * @param files   path to text, as a stored version holds them
     * @param overlay true: laid over the first version of the request ({@code PolicyFiles.overlay}), so a
     *                variant need hold only what differs
     */
    public record InlinePolicy(String label, Map<String, String> files, @Nullable Boolean overlay) {
    }

    /**
     * One price file.
     *
     * @param path   relative to the market data folder
     * @param symbol the market of a kline file (default: the request's symbol)
     * @param layout AUTO (default), KLINES or MARKS
     */
    public record PriceFile(String path, @Nullable String symbol, @Nullable ReplayInputs.Layout layout) {
    }
}
