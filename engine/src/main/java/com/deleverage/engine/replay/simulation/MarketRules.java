package com.deleverage.engine.replay.simulation;

import com.deleverage.engine.model.RiskTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a policy changed for one market, in force from the tick after the decision:
 * maintenance-margin scaling (relative to the request's tier table, not compounded: a later factor
 * replaces an earlier one, 1 restores the table), a leverage cap (lowers every tier's {@code maxLeverage}),
 * a funding rate (used at the next settlements instead of the path's), a halt and a reduce-only window.
 */
final class MarketRules {
    private final List<RiskTier> baseTiers;
    private BigDecimal maintenanceScale = BigDecimal.ONE;
    private Integer maxLeverage;
    private List<RiskTier> tiers;
    BigDecimal fundingRate;
    private Instant haltUntil;
    private boolean haltedForSession;
    private Instant reduceOnlyUntil;
    private boolean reduceOnlyOpenEnded;

    MarketRules(List<RiskTier> baseTiers) {
        this.baseTiers = List.copyOf(baseTiers);
        this.tiers = this.baseTiers;
    }

    List<RiskTier> tiers() {
        return tiers;
    }

    void scaleMaintenance(BigDecimal factor) {
        maintenanceScale = factor;
        rebuild();
    }

    void capLeverage(int cap) {
        maxLeverage = cap;
        rebuild();
    }

    private void rebuild() {
        List<RiskTier> scaled = new ArrayList<>(baseTiers.size());
        for (RiskTier t : baseTiers) {
            scaled.add(new RiskTier(t.notionalFloor(), t.notionalCap(), t.maintenanceMarginRate().multiply(maintenanceScale),
                    t.maintenanceAmount().multiply(maintenanceScale),
                    maxLeverage == null ? t.maxLeverage() : Math.min(t.maxLeverage(), maxLeverage)));
        }
        tiers = List.copyOf(scaled);
    }

    /** A halt from now until {@code until}, or for the rest of the replay when null. */
    void halt(Instant until) {
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
