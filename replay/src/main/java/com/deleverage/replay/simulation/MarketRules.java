package com.deleverage.replay.simulation;

import com.deleverage.engine.model.CircuitBreakerSession;
import com.deleverage.engine.model.RiskTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a policy changed for one market, in force from the tick after the decision.
 * <ul>
 *   <li>Maintenance-margin scaling and the leverage cap are <em>requirements the policy restates every
 *       tick</em> (as the reference policy derives them from each snapshot): the tiers of tick t+1 are the
 *       request's tiers with every rate and maintenance amount times the factor of tick t's decision, and
 *       every {@code maxLeverage} at most its cap; a decision without such an action restores the table.
 *       Factors are relative to the request's table, never compounded; a scaled rate is capped at 0.99 (the
 *       top Binance tier's 50% times 3 would otherwise exceed 100%).</li>
 *   <li>A funding rate holds until the policy sets another one (it is used at the next settlements instead
 *       of the path's).</li>
 *   <li>A halt and a reduce-only window hold until their {@code until} (or the end of the replay when none).</li>
 *   <li>The circuit-breaker session: it starts at the first price of the path in each UTC day (the reference price),
 *       and a halt with a breaker level marks that level fired, so each level halts once per session.</li>
 * </ul>
 */
final class MarketRules {
    /** A scaled maintenance-margin rate stops here: a rate of 100% or more is not a margin requirement. */
    static final BigDecimal RATE_CEILING = new BigDecimal("0.99");

    private final List<RiskTier> baseTiers;
    private BigDecimal maintenanceScale = BigDecimal.ONE;
    private Integer maxLeverage;
    private List<RiskTier> tiers;
    BigDecimal fundingRate;
    private Instant haltUntil;
    private boolean haltedForSession;
    private Instant reduceOnlyUntil;
    private boolean reduceOnlyOpenEnded;
    private CircuitBreakerSession breaker;

    MarketRules(List<RiskTier> baseTiers) {
        this.baseTiers = List.copyOf(baseTiers);
        this.tiers = this.baseTiers;
    }

    List<RiskTier> tiers() {
        return tiers;
    }

    /** The requirements of one decision: factor (1 when none) and cap (null when none). */
    void require(BigDecimal factor, Integer cap) {
        if (factor.compareTo(maintenanceScale) != 0 || !java.util.Objects.equals(cap, maxLeverage)) {
            maintenanceScale = factor;
            maxLeverage = cap;
            rebuild();
        }
    }

    private void rebuild() {
        if (maintenanceScale.compareTo(BigDecimal.ONE) == 0 && maxLeverage == null) {
            tiers = baseTiers;
            return;
        }
        List<RiskTier> scaled = new ArrayList<>(baseTiers.size());
        for (RiskTier t : baseTiers) {
            BigDecimal rate = t.maintenanceMarginRate().multiply(maintenanceScale).min(RATE_CEILING.max(t.maintenanceMarginRate()));
            scaled.add(new RiskTier(t.notionalFloor(), t.notionalCap(), rate,
                    t.maintenanceAmount().multiply(maintenanceScale),
                    maxLeverage == null ? t.maxLeverage() : Math.min(t.maxLeverage(), maxLeverage)));
        }
        tiers = List.copyOf(scaled);
    }

    /** A price of the path at {@code time}: the first of a UTC day starts that day's breaker session from it. */
    void price(Instant time, BigDecimal price) {
        breaker = breaker == null ? CircuitBreakerSession.start(time, price) : breaker.at(time, price);
    }

    CircuitBreakerSession breaker() {
        return breaker;
    }

    /** A halt of breaker level {@code level} (null: not a breaker halt) from now until {@code until}. */
    void halt(Instant until, Integer level) {
        halt(until);
        if (level != null && breaker != null) {
            breaker = breaker.fired(level);
        }
    }

    /** A halt from now until {@code until}, or for the rest of the replay when null. */
    private void halt(Instant until) {
        if (until == null) {
            haltedForSession = true;
        } else if (haltUntil == null || until.isAfter(haltUntil)) {
            haltUntil = until;
        }
    }

    boolean halted(Instant now) {
        return haltedForSession || (haltUntil != null && now.isBefore(haltUntil));
    }

    void startReduceOnly(Instant until) {
        if (until == null) {
            reduceOnlyOpenEnded = true;
        } else if (reduceOnlyUntil == null || until.isAfter(reduceOnlyUntil)) {
            reduceOnlyUntil = until;
        }
    }

    boolean reduceOnly(Instant now) {
        return reduceOnlyOpenEnded || (reduceOnlyUntil != null && now.isBefore(reduceOnlyUntil));
    }
}
