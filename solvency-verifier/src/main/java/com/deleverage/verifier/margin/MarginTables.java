package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.ProofRejected;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public figures of a margin epoch as the integers the statements are written in (docs/solvency.md, "Scaling
 * decimals to integers"). Money is counted in units of 10^-S, rates in 10^-R, the liquidation ratio in 10^-RL,
 * quantities of a market in 10^-Q; then every figure of the margin math is an exact integer combination, with no
 * rounding anywhere:
 *
 * <ul>
 *   <li>notional = |quantity| × mark = A · markScaled, with markScaled = mark · 10^(S−Q), in 10^-S;</li>
 *   <li>a tier's floor and cap in 10^-S; its maintenance margin notional·rate − amount in 10^-(S+R):
 *       rateScaled · N − amountScaled, with amountScaled = amount · 10^(S+R).</li>
 * </ul>
 *
 * A figure that is not a whole number at its scale is refused, as is any scaled figure of 2^64 or more (the
 * soundness argument needs public coefficients far below the group order).
 */
public record MarginTables(int moneyDecimals, int rateDecimals, BigInteger ratio, int ratioDecimals,
                           Set<String> acting, Set<String> decisions, Map<String, Market> markets) {
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final int MAX_DECIMALS = 18;

    /** A market's scaled mark and tiers. */
    public record Market(String symbol, BigInteger markScaled, int quantityDecimals, List<Tier> tiers) {
    }

    /** A tier in units: floor and cap in 10^-S, rate in 10^-R, amount in 10^-(S+R). */
    public record Tier(BigInteger floor, BigInteger cap, BigInteger rate, BigInteger amount) {
    }

    public static MarginTables of(MarginEpochFile epoch) throws ProofRejected {
        int s = decimals(epoch.moneyDecimals(), "moneyDecimals");
        int r = decimals(epoch.rateDecimals(), "rateDecimals");
        MarginEpochFile.Rule rule = required(epoch.rule(), "rule");
        BigDecimal ratio = decimal(rule.liquidationRatio(), "rule.liquidationRatio");
        if (ratio.signum() <= 0) {
            throw new ProofRejected("rule.liquidationRatio must be above 0");
        }
        int ratioDecimals = Math.max(ratio.scale(), 0);
        Set<String> acting = new HashSet<>(required(rule.acting(), "rule.acting"));
        if (acting.isEmpty() || acting.size() != rule.acting().size()) {
            throw new ProofRejected("rule.acting must name one or more action types, each once");
        }
        Set<String> decisions = new HashSet<>(required(epoch.decisions(), "decisions"));
        if (decisions.size() != epoch.decisions().size()) {
            throw new ProofRejected("decisions names a decision twice");
        }
        Map<String, Market> markets = new LinkedHashMap<>();
        for (MarginEpochFile.MarketTable table : required(epoch.markets(), "markets")) {
            Market market = market(table, s, r);
            if (markets.put(market.symbol(), market) != null) {
                throw new ProofRejected("markets lists " + market.symbol() + " twice");
            }
        }
        return new MarginTables(s, r, scaled(ratio, ratioDecimals, "rule.liquidationRatio"), ratioDecimals, acting,
                decisions, markets);
    }

    public Market market(String symbol) throws ProofRejected {
        Market market = markets.get(symbol);
        if (market == null) {
            throw new ProofRejected("no market " + symbol + " in epoch.json");
        }
        return market;
    }

    private static Market market(MarginEpochFile.MarketTable table, int s, int r) throws ProofRejected {
        required(table, "markets[]");
        String symbol = required(table.symbol(), "markets[].symbol");
        String at = "markets." + symbol;
        int q = decimals(table.quantityDecimals(), at + ".quantityDecimals");
        if (q > s) {
            throw new ProofRejected(at + ".quantityDecimals " + q + " is above moneyDecimals " + s);
        }
        BigDecimal mark = decimal(table.mark(), at + ".mark");
        BigInteger markScaled = scaled(mark, s - q, at + ".mark");
        if (markScaled.signum() <= 0) {
            throw new ProofRejected(at + ".mark must be above 0");
        }
        List<MarginEpochFile.Tier> given = required(table.tiers(), at + ".tiers");
        if (given.isEmpty()) {
            throw new ProofRejected(at + " has no tiers");
        }
        List<Tier> tiers = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            MarginEpochFile.Tier tier = required(given.get(i), at + ".tiers[" + i + "]");
            String ti = at + ".tiers[" + i + "]";
            Tier scaled = new Tier(scaled(decimal(tier.floor(), ti + ".floor"), s, ti + ".floor"),
                    scaled(decimal(tier.cap(), ti + ".cap"), s, ti + ".cap"),
                    scaled(decimal(tier.rate(), ti + ".rate"), r, ti + ".rate"),
                    scaled(decimal(tier.amount(), ti + ".amount"), s + r, ti + ".amount"));
            BigInteger expectedFloor = i == 0 ? BigInteger.ZERO : tiers.get(i - 1).cap();
            if (!scaled.floor().equals(expectedFloor)) {
                throw new ProofRejected(ti + ".floor must be " + (i == 0 ? "0" : "the previous tier's cap")
                        + ": tiers have no gaps or overlaps");
            }
            if (scaled.cap().compareTo(scaled.floor()) <= 0) {
                throw new ProofRejected(ti + ".cap must be above its floor");
            }
            if (scaled.rate().multiply(scaled.floor()).compareTo(scaled.amount()) < 0) {
                // Then notional·rate − amount ≥ 0 all through the tier: the engine's margin (clamped at 0) is the
                // linear formula the statements use.
                throw new ProofRejected(ti + ": floor × rate is below amount, so the tier's maintenance margin "
                        + "would be negative at its floor");
            }
            tiers.add(scaled);
        }
        return new Market(symbol, markScaled, q, tiers);
    }

    private static int decimals(Integer value, String field) throws ProofRejected {
        if (required(value, field) < 0 || value > MAX_DECIMALS) {
            throw new ProofRejected(field + " must be from 0 to " + MAX_DECIMALS + ", not " + value);
        }
        return value;
    }

    /** A non-negative decimal in its one canonical spelling: no sign, no leading or trailing zeros, no exponent. */
    static BigDecimal decimal(String value, String field) throws ProofRejected {
        if (!DECIMAL.matcher(required(value, field)).matches()) {
            throw new ProofRejected(field + " must be a non-negative decimal without trailing zeros, not '" + value + "'");
        }
        return new BigDecimal(value);
    }

    public static BigInteger scaled(BigDecimal value, int decimals, String field) throws ProofRejected {
        BigDecimal moved = value.movePointRight(decimals);
        if (moved.stripTrailingZeros().scale() > 0) {
            throw new ProofRejected(field + " " + value.toPlainString() + " is not a whole number of 10^-" + decimals);
        }
        BigInteger scaled = moved.toBigIntegerExact();
        if (scaled.compareTo(TWO_64) >= 0) {
            throw new ProofRejected(field + " is 2^64 or more units of 10^-" + decimals);
        }
        return scaled;
    }

    public static <T> T required(T value, String field) throws ProofRejected {
        if (value == null) {
            throw new ProofRejected(field + " is missing");
        }
        return value;
    }
}
