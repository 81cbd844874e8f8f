package com.deleverage.engine.snapshot;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The input rules a snapshot must meet before the engine computes anything from it. Each broken rule is
 * reported with the path of the offending field; see {@code docs/reference/facts.md}.
 */
public final class SnapshotValidator {
    /** A position or balance beyond this many quote units is a unit error, not a trade. */
    static final BigDecimal ABSURD = new BigDecimal("1e15");
    /** The decision log's account_id column (decision_account.account_id is varchar(128)). */
    public static final int MAX_ACCOUNT_ID_LENGTH = 128;
    /** The rule_set.name column is varchar(64). */
    public static final int MAX_RULE_SET_LENGTH = 64;
    /** Not stored in a column of its own, but a symbol is a short code; bounded like a rule set name. */
    public static final int MAX_SYMBOL_LENGTH = 64;
    /**
     * asOf is stored in timestamp-with-time-zone columns: PostgreSQL's end at year 294276, H2's further,
     * Java's Instant at year 1,000,000,000. Inside 1970 to 9999 every supported database stores it exactly.
     */
    public static final Instant EARLIEST_AS_OF = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST_AS_OF = Instant.parse("9999-12-31T23:59:59.999999Z");

    public List<InputProblem> validate(Snapshot snapshot) {
        List<InputProblem> problems = new ArrayList<>();
        if (snapshot.asOf() == null) {
            problems.add(new InputProblem("asOf", "is required (ISO-8601 instant, e.g. 2025-10-10T21:15:00Z)"));
        } else if (snapshot.asOf().isBefore(EARLIEST_AS_OF) || snapshot.asOf().isAfter(LATEST_AS_OF)) {
            problems.add(new InputProblem("asOf", "must be from " + EARLIEST_AS_OF + " to 9999-12-31T23:59:59Z"));
        }
        if (snapshot.ruleSet() != null) {
            identifier(snapshot.ruleSet(), "ruleSet", MAX_RULE_SET_LENGTH, problems);
        }
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < snapshot.markets().size(); i++) {
            checkMarket(snapshot.markets().get(i), "markets[" + i + "]", snapshot.asOf(), symbols, problems);
        }
        Set<String> funded = new HashSet<>();
        for (int i = 0; i < snapshot.insuranceFunds().size(); i++) {
            InsuranceFund fund = snapshot.insuranceFunds().get(i);
            String at = "insuranceFunds[" + i + "]";
            if (!symbols.contains(fund.symbol())) {
                problems.add(new InputProblem(at + ".symbol", "unknown market '" + fund.symbol() + "': not in markets"));
            }
            if (!funded.add(fund.symbol())) {
                problems.add(new InputProblem(at + ".symbol", "a second insurance fund for '" + fund.symbol() + "'"));
            }
            nonNegative(fund.balance(), at + ".balance", problems);
            if (fund.peakBalance8h() != null) {
                nonNegative(fund.peakBalance8h(), at + ".peakBalance8h", problems);
            }
        }
        Set<String> accountIds = new HashSet<>();
        for (int i = 0; i < snapshot.accounts().size(); i++) {
            checkAccount(snapshot.accounts().get(i), "accounts[" + i + "]", symbols, accountIds, problems);
        }
        return problems;
    }

    public void requireValid(Snapshot snapshot) {
        List<InputProblem> problems = validate(snapshot);
        if (!problems.isEmpty()) {
            throw new InvalidSnapshotException(problems);
        }
    }

    private static void checkMarket(Market market, String at, Instant asOf, Set<String> symbols, List<InputProblem> problems) {
        if (identifier(market.symbol(), at + ".symbol", MAX_SYMBOL_LENGTH, problems) && !symbols.add(market.symbol())) {
            problems.add(new InputProblem(at + ".symbol", "market '" + market.symbol() + "' appears twice"));
        }
        positive(market.markPrice(), at + ".markPrice", problems);
        if (market.indexPrice() != null) {
            positive(market.indexPrice(), at + ".indexPrice", problems);
        }
        if (market.openInterest() != null) {
            nonNegative(market.openInterest(), at + ".openInterest", problems);
        }
        if (market.fundingCap() != null) {
            positive(market.fundingCap(), at + ".fundingCap", problems);
        }
        if (market.breaker() != null) {
            checkBreaker(market.breaker(), at + ".breaker", asOf, problems);
        }
        checkTiers(market.riskTiers(), at + ".riskTiers", problems);
    }

    /** A breaker session of the snapshot's own UTC day, from a positive price, with a level there is. */
    private static void checkBreaker(CircuitBreakerSession breaker, String at, Instant asOf, List<InputProblem> problems) {
        positive(breaker.referencePrice(), at + ".referencePrice", problems);
        if (breaker.highestLevelFired() < 0 || breaker.highestLevelFired() > CircuitBreakerSession.TOP_LEVEL) {
            problems.add(new InputProblem(at + ".highestLevelFired", "must be 0 (none) to " + CircuitBreakerSession.TOP_LEVEL));
        }
        if (breaker.sessionDate() == null) {
            problems.add(new InputProblem(at + ".sessionDate", "is required (the session's UTC day, e.g. 2025-10-10)"));
        } else if (asOf != null && !breaker.sessionDate().equals(CircuitBreakerSession.dayOf(asOf))) {
            problems.add(new InputProblem(at + ".sessionDate", "must be the UTC day of asOf ("
                    + CircuitBreakerSession.dayOf(asOf) + "): a new day is a new session, with its own reference price"));
        }
    }

    /** Tiers must start at 0 and follow each other without gaps or overlaps. */
    private static void checkTiers(List<RiskTier> tiers, String at, List<InputProblem> problems) {
        if (tiers.isEmpty()) {
            problems.add(new InputProblem(at, "at least one risk tier is required"));
            return;
        }
        for (int i = 0; i < tiers.size(); i++) {
            RiskTier tier = tiers.get(i);
            String t = at + "[" + i + "]";
            if (i == 0 && tier.notionalFloor().signum() != 0) {
                problems.add(new InputProblem(t + ".notionalFloor", "the first tier must start at 0"));
            }
            if (i > 0 && tier.notionalFloor().compareTo(tiers.get(i - 1).notionalCap()) != 0) {
                String kind = tier.notionalFloor().compareTo(tiers.get(i - 1).notionalCap()) > 0 ? "gap" : "overlap";
                problems.add(new InputProblem(t + ".notionalFloor", kind + ": must equal the previous tier's notionalCap "
                        + tiers.get(i - 1).notionalCap().toPlainString()));
            }
            if (tier.notionalCap().compareTo(tier.notionalFloor()) <= 0) {
                problems.add(new InputProblem(t + ".notionalCap", "must be greater than notionalFloor"));
            }
            BigDecimal rate = tier.maintenanceMarginRate();
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                problems.add(new InputProblem(t + ".maintenanceMarginRate", "must be a fraction between 0 and 1, e.g. 0.004"));
            }
            nonNegative(tier.maintenanceAmount(), t + ".maintenanceAmount", problems);
            if (tier.maxLeverage() < 1) {
                problems.add(new InputProblem(t + ".maxLeverage", "must be at least 1"));
            }
        }
    }

    private static void checkAccount(Account account, String at, Set<String> symbols, Set<String> ids,
                                     List<InputProblem> problems) {
        if (identifier(account.id(), at + ".id", MAX_ACCOUNT_ID_LENGTH, problems) && !ids.add(account.id())) {
            problems.add(new InputProblem(at + ".id", "account '" + account.id() + "' appears twice"));
        }
        bounded(account.walletBalance(), at + ".walletBalance", problems);
        if (account.walletBalance().signum() < 0) {
            problems.add(new InputProblem(at + ".walletBalance", "must not be negative"));
        }
        Set<String> held = new HashSet<>();
        for (int j = 0; j < account.positions().size(); j++) {
            Position p = account.positions().get(j);
            String pa = at + ".positions[" + j + "]";
            if (!symbols.contains(p.symbol())) {
                problems.add(new InputProblem(pa + ".symbol", "unknown market '" + p.symbol() + "': not in markets"));
            }
            if (!held.add(p.symbol())) {
                problems.add(new InputProblem(pa + ".symbol", "a second position in '" + p.symbol()
                        + "': send one net position per market"));
            }
            if (p.quantity().signum() == 0) {
                problems.add(new InputProblem(pa + ".quantity", "must not be zero (positive long, negative short)"));
            }
            bounded(p.quantity(), pa + ".quantity", problems);
            positive(p.entryPrice(), pa + ".entryPrice", problems);
            if (p.leverage() != null && p.leverage() < 1) {
                problems.add(new InputProblem(pa + ".leverage", "must be at least 1 when given"));
            }
            if (account.marginMode() == MarginMode.ISOLATED) {
                if (p.isolatedMargin() == null) {
                    problems.add(new InputProblem(pa + ".isolatedMargin", "is required for an ISOLATED account"));
                } else {
                    nonNegative(p.isolatedMargin(), pa + ".isolatedMargin", problems);
                }
            } else if (p.isolatedMargin() != null) {
                problems.add(new InputProblem(pa + ".isolatedMargin", "must be null for a CROSS account"));
            }
        }
    }

    /** Whether {@code value} is a non-blank name of at most {@code max} characters; reports it when not. */
    private static boolean identifier(String value, String at, int max, List<InputProblem> problems) {
        if (value.isBlank()) {
            problems.add(new InputProblem(at, "must not be blank"));
            return false;
        }
        if (value.length() > max) {
            // The value itself is not echoed: it may be 100,000 characters long.
            problems.add(new InputProblem(at, "is " + value.length() + " characters long; at most " + max
                    + " are accepted"));
            return false;
        }
        return true;
    }

    private static void positive(BigDecimal value, String at, List<InputProblem> problems) {
        if (value == null) {
            problems.add(new InputProblem(at, "is required"));
        } else if (value.signum() <= 0) {
            problems.add(new InputProblem(at, "must be greater than 0"));
        } else {
            bounded(value, at, problems);
        }
    }

    private static void nonNegative(BigDecimal value, String at, List<InputProblem> problems) {
        if (value == null) {
            problems.add(new InputProblem(at, "is required"));
        } else if (value.signum() < 0) {
            problems.add(new InputProblem(at, "must not be negative"));
        } else {
            bounded(value, at, problems);
        }
    }

    private static void bounded(BigDecimal value, String at, List<InputProblem> problems) {
        if (value != null && value.abs().compareTo(ABSURD) > 0) {
            problems.add(new InputProblem(at, "is absurdly large (above 10^15); check the unit"));
        }
    }
}
