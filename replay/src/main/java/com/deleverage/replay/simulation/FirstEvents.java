package com.deleverage.replay.simulation;

import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.replay.report.TimelineEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.deleverage.engine.json.PlatformJson.plain;

/**
 * Watches a replay tick by tick for its first events, in the order they happen: the first liquidation applied,
 * the first insurance-fund draw of a cent or more (the replay's own settlement paid a deficit from a fund; smaller
 * draws are the rounding of bankruptcy prices to 8 places, not a loss), the first ADL fill
 * applied (and how long after the first liquidation), and why ADL switched on (the first ADL action's reason,
 * which names the route the policy took: the fund could not pay, or it is in drawdown).
 */
final class FirstEvents {
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private final List<TimelineEvent> events = new ArrayList<>();
    private Instant firstLiquidation;
    private boolean fundDrawn;
    private boolean deleveraged;

    /**
     * @param drawn what the funds paid for deficits in this tick
     * @param fund  all funds' balance after the tick
     */
    void observe(Instant now, Decision decision, TickEffects fx, BigDecimal drawn, BigDecimal fund) {
        if (firstLiquidation == null && fx.liquidations > 0) {
            firstLiquidation = now;
            events.add(new TimelineEvent("first liquidation", now, firstReason(decision, ActionType.LIQUIDATE)));
        }
        if (!fundDrawn && drawn.compareTo(CENT) >= 0) {
            fundDrawn = true;
            events.add(new TimelineEvent("first insurance fund draw", now, "the fund paid " + plain(drawn)
                    + " of deficits; balance after the tick " + money(fund)));
        }
        if (!deleveraged && fx.adls > 0) {
            deleveraged = true;
            String after = firstLiquidation == null ? "with no liquidation before it"
                    : Duration.between(firstLiquidation, now).toSeconds() + " s after the first liquidation";
            events.add(new TimelineEvent("first ADL", now, fx.adls + " fills, " + after));
            events.add(new TimelineEvent("why ADL switched on", now, firstReason(decision, ActionType.AUTO_DELEVERAGE)));
        }
    }

    List<TimelineEvent> events() {
        return List.copyOf(events);
    }

    private static String firstReason(Decision decision, ActionType type) {
        for (DecidedAction decided : decision.actions()) {
            if (decided.action().type() == type) {
                String account = decided.action().account();
                return (account == null ? "" : account + ": ") + decided.action().reason();
            }
        }
        return "";
    }

    private static String money(BigDecimal value) {
        return plain(value.setScale(2, RoundingMode.HALF_EVEN));
    }
}
